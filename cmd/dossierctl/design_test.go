package main

import (
	"strings"
	"testing"
)

// designVerbs is DESIGN.md "Command line": each verb and sub-verb with
// the flags it names there.
var designVerbs = []struct {
	path  string
	flags []string
}{
	{"new", []string{"db", "title"}},
	{"demo", []string{"db"}},
	{"settings", []string{"db", "title", "organiser", "date", "quota", "trim-min", "tie-break", "min-valid", "outlier-pct", "reason",
		"notice-start", "notice-days", "objection-contact", "region-cap", "kind-quota"}},
	{"unit add", []string{"db", "code", "name", "region", "kind", "recommender"}},
	{"unit status", []string{"db", "code", "status"}},
	{"unit restore", []string{"db", "code", "revision"}},
	{"template", []string{"db", "out"}},
	{"import", []string{"db", "dry-run"}},
	{"units", []string{"db", "json"}},
	{"evaluator add", []string{"db", "name", "affiliation", "region", "role"}},
	{"conflict add", []string{"db", "evaluator", "unit", "reason"}},
	{"conflict remove", []string{"db", "evaluator", "unit", "reason"}},
	{"scores set", []string{"db", "evaluator", "unit", "category", "value"}},
	{"scoresheet", []string{"db", "evaluator", "out"}},
	{"scores import", []string{"db"}},
	{"rank", []string{"db", "json", "with-meta"}},
	{"export pdf", []string{"db", "out", "kind", "unit", "with-scores", "quality"}},
	{"export xlsx", []string{"db", "out"}},
	{"backup", []string{"db", "out"}},
	{"check", []string{"db"}},
	{"history", []string{"db", "unit", "json"}},
	{"scoring open", []string{"db", "reason"}},
	{"scoring close", []string{"db", "reason"}},
	{"decision", []string{"db", "unit", "recommend", "reason"}},
	{"verify", []string{"db", "json"}},
	{"review", []string{"db", "json"}},
	{"review resolve", []string{"db", "flag", "by", "note"}},
	{"calendar add", []string{"db", "holiday", "workday"}},
	{"copy", []string{"from", "to"}},
	{"account add", []string{"db", "name", "role", "evaluator"}},
}

// TestTableCoversDesign: every verb of DESIGN.md is in the table, and its
// help lists every flag DESIGN.md gives it.
func TestTableCoversDesign(t *testing.T) {
	for _, v := range designVerbs {
		code, _, errs := ctl(t, append(strings.Fields(v.path), "--help")...)
		if code != 0 || !strings.HasPrefix(errs, "用法：dossierctl ") {
			t.Errorf("%s: exit %d\n%s", v.path, code, errs)
			continue
		}
		for _, f := range v.flags {
			if !strings.Contains(errs, "\n  --"+f+" ") {
				t.Errorf("%s: --%s not among its flags:\n%s", v.path, f, errs)
			}
		}
	}
}
