// Package dossier holds the domain of an advanced-unit evaluation campaign:
// the campaign, its categories and indicators, the candidate units and their
// material, evaluators, conflicts of interest (回避) and scores, together with
// the scoring and ranking rule the printed dossier explains.
//
// It depends on the standard library only; storage lives in dossier/sqlite and
// documents in export.
package dossier
