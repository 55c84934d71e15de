package code

// ACLED event types and sub-event types, spelled exactly as the public ACLED
// codebook spells them. Every ACLED string rasd writes comes from here.
const (
	Battles           = "Battles"
	ExplosionsRemote  = "Explosions/Remote violence"
	ViolenceCivilians = "Violence against civilians"
	Protests          = "Protests"
	Riots             = "Riots"
	StrategicDev      = "Strategic developments"

	ArmedClash        = "Armed clash"
	GovRegains        = "Government regains territory"
	NonStateOvertakes = "Non-state actor overtakes territory"

	ChemicalWeapon = "Chemical weapon"
	AirDrone       = "Air/drone strike"
	SuicideBomb    = "Suicide bomb"
	Shelling       = "Shelling/artillery/missile attack"
	RemoteIED      = "Remote explosive/landmine/IED"
	Grenade        = "Grenade"

	SexualViolence = "Sexual violence"
	Attack         = "Attack"
	Abduction      = "Abduction/forced disappearance"

	PeacefulProtest   = "Peaceful protest"
	ProtestIntervened = "Protest with intervention"
	ExcessiveForce    = "Excessive force against protesters"

	ViolentDemo = "Violent demonstration"
	MobViolence = "Mob violence"

	Agreement          = "Agreement"
	Arrests            = "Arrests"
	ChangeGroup        = "Change to group/activity"
	DisruptedWeapons   = "Disrupted weapons use"
	HQEstablished      = "Headquarters or base established"
	Looting            = "Looting/property destruction"
	NonViolentTransfer = "Non-violent transfer of territory"
	Other              = "Other"
)

// SubEventTypes lists the 25 sub-event types under their event type.
var SubEventTypes = map[string][]string{
	Battles:           {ArmedClash, GovRegains, NonStateOvertakes},
	ExplosionsRemote:  {ChemicalWeapon, AirDrone, SuicideBomb, Shelling, RemoteIED, Grenade},
	ViolenceCivilians: {SexualViolence, Attack, Abduction},
	Protests:          {PeacefulProtest, ProtestIntervened, ExcessiveForce},
	Riots:             {ViolentDemo, MobViolence},
	StrategicDev:      {Agreement, Arrests, ChangeGroup, DisruptedWeapons, HQEstablished, Looting, NonViolentTransfer, Other},
}

// EventTypeOf returns the event type a sub-event type belongs to.
func EventTypeOf(sub string) string {
	for t, subs := range SubEventTypes {
		for _, s := range subs {
			if s == sub {
				return t
			}
		}
	}
	return ""
}

// cameoOf gives the CAMEO code used for a sub-event type when the trigger
// entry has none more specific.
var cameoOf = map[string]string{
	ArmedClash:         "190",
	GovRegains:         "190",
	NonStateOvertakes:  "190",
	ChemicalWeapon:     "2041",
	AirDrone:           "195",
	SuicideBomb:        "1831",
	Shelling:           "194",
	RemoteIED:          "183",
	Grenade:            "183",
	SexualViolence:     "1821",
	Attack:             "180",
	Abduction:          "181",
	PeacefulProtest:    "141",
	ProtestIntervened:  "141",
	ExcessiveForce:     "175",
	ViolentDemo:        "145",
	MobViolence:        "145",
	Agreement:          "057",
	Arrests:            "173",
	ChangeGroup:        "154",
	DisruptedWeapons:   "171",
	HQEstablished:      "192",
	Looting:            "171",
	NonViolentTransfer: "0873",
	Other:              "010",
}

// Trigger classes (the "class" column of the trigger lexicon).
const (
	cClash       = "clash"
	cAttack      = "attack"
	cCapture     = "capture"
	cRetake      = "retake"
	cShell       = "shell"
	cAir         = "air"
	cDrone       = "drone"
	cExplosion   = "explosion"
	cSuicide     = "suicide"
	cGrenade     = "grenade"
	cChemical    = "chemical"
	cKill        = "kill"
	cExecute     = "execute"
	cAssassinate = "assassinate"
	cSnipe       = "snipe"
	cAbduct      = "abduct"
	cArrest      = "arrest"
	cProtest     = "protest"
	cRiot        = "riot"
	cSeize       = "seize_weapons"
	cIntercept   = "intercept"
	cDeploy      = "deploy"
	cWithdraw    = "withdraw"
	cHandover    = "handover"
	cAgreement   = "agreement"
	cBase        = "base"
	cLoot        = "loot"
	cDestroy     = "destroy"
	cSexual      = "sexual"
	cMob         = "mob"
	cOther       = "other"
)

// Classes lists the trigger classes the coder understands.
var Classes = []string{cClash, cAttack, cCapture, cRetake, cShell, cAir, cDrone, cExplosion, cSuicide, cGrenade,
	cChemical, cKill, cExecute, cAssassinate, cSnipe, cAbduct, cArrest, cProtest, cRiot, cSeize, cIntercept,
	cDeploy, cWithdraw, cHandover, cAgreement, cBase, cLoot, cDestroy, cSexual, cMob, cOther}

// strength orders classes for choosing the main event of a clause: a
// specific act beats a generic attack, which beats a bare killing.
func strength(class string) int {
	switch class {
	case cCapture, cRetake:
		return 9
	case cAir, cDrone, cSuicide, cChemical, cExplosion, cGrenade:
		return 8
	case cShell:
		return 7
	case cClash, cAbduct, cArrest, cExecute, cAssassinate, cSexual:
		return 6
	case cProtest, cRiot, cMob, cOther, cSeize, cIntercept, cDeploy, cWithdraw, cHandover, cAgreement, cBase, cLoot, cDestroy:
		return 5
	case cAttack, cSnipe:
		return 4
	case cKill:
		return 1
	}
	return 0
}
