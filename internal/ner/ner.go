// Package ner is rasd's learned named-entity stage: an averaged structured
// perceptron over BIO tags, decoded with Viterbi, with Arabic features
// (normalized word, clitic readings, affixes, shape, cue words, word
// statistics from the training corpus, knowledge-base classes through a
// pluggable Lexicon, a ±2 word window). It is trained on ANERcorp and
// writes doc.MPerson, doc.MPlace and doc.MOrg mentions with Source
// doc.FromNER next to the knowledge-base matcher's candidates.
//
// A Model is immutable and safe for concurrent use. The default model is
// embedded (model/ner.model); the file format is described in format.go and
// the training recipe in README.md.
package ner

import (
	"bytes"
	_ "embed"
	"errors"
)

// Label is an entity type: the part of a BIO tag after "B-" or "I-".
type Label string

// ANERcorp's entity types.
const (
	Person Label = "PERS"
	Place  Label = "LOC"
	Org    Label = "ORG"
	Misc   Label = "MISC"
)

// Sentence is one CoNLL sentence: words and their BIO tags ("O", "B-PERS",
// "I-PERS", ...). Tags is nil for untagged text.
type Sentence struct {
	Words []string
	Tags  []string
}

// Lexicon tells the tagger what a knowledge base knows about a normalized
// word or multiword string (arabic.Normalize of each word, joined by one
// space). Classes returns a bit set of the Lex* classes, 0 for none. A nil
// Lexicon knows nothing. Implementations must be safe for concurrent use.
//
// The classes are features: a model only uses a Lexicon if it was trained
// with one (Model.Info().Lexicon); retrain after changing what a Lexicon
// returns.
type Lexicon interface {
	Classes(norm string) uint16
}

// Lexicon classes (bits of Lexicon.Classes).
const (
	LexPlace      uint16 = 1 << iota // a toponym: city, village, region, governorate
	LexCountry                       // a country name
	LexActor                         // an armed or political actor's name or alias
	LexPersonName                    // a person's given name or family name
	LexOrgHead                       // a head noun of organisation names: وزارة، حركة، جيش، منظمة
	LexCountryAdj                    // a nationality adjective: الأمريكية، السوري
	LexTitle                         // a person's title or role: الرئيس، العميد، المتحدث
	LexPlaceCue                      // a head noun of place names: قرية، بلدة، مدينة، محافظة
	LexOrg                           // an organisation's name that is not an armed actor
	// LexClasses is the number of defined classes.
	LexClasses = 9
)

// Errors returned by Load (wrapped).
var (
	// ErrFormat reports a file that is not a rasd NER model or is damaged.
	ErrFormat = errors.New("not a rasd NER model")
	// ErrVersion reports a model file of a format version this code does not read.
	ErrVersion = errors.New("unsupported NER model format version")
	// ErrFeatureSet reports a model trained with different features than
	// this code computes: retrain it.
	ErrFeatureSet = errors.New("NER model was trained with another feature set")
)

//go:embed model/ner.model
var defaultModel []byte

// License is the attribution and licence of the embedded default model
// (printed by "rasd version --licenses"; the same terms are in
// model/LICENSE and README.md).
const License = `Named-entity model (internal/ner/model/ner.model):
  - Trained on ANERcorp (Benajiba, Rosso and Benedí Ruiz, "ANERsys: An Arabic Named Entity
    Recognition System Based on Maximum Entropy", CICLing 2007), in the CAMeL Lab train/test
    split (Obeid et al., "CAMeL Tools: An Open Source Python Toolkit for Arabic Natural
    Language Processing", LREC 2020). Licence: Creative Commons Attribution-ShareAlike 4.0
    (CC BY-SA 4.0). The model file is derived from the corpus (it holds word statistics and
    feature weights learned from it) and is licensed CC BY-SA 4.0 alike. It is also trained on
    conflict-news sentences written for rasd (internal/ner/data/conflict.conll and
    conflict-orgs.conll, CC BY-SA 4.0).
  - Its lexicon features read the name lists in internal/ner/gazetteer, written for rasd,
    except names-arabic.txt: the Arabic given names of the npm package arabic-name-to-en
    1.0.6, Copyright (c) HamdonGunner, ISC licence (the notice is in the file).
`

// Default loads the embedded default model. Each call parses it afresh:
// load it once and keep the Model.
func Default() (*Model, error) {
	return Load(bytes.NewReader(defaultModel))
}
