package dossier

import "testing"

func TestNormNameAndCode(t *testing.T) {
	for _, c := range []struct{ in, name, key, code string }{ // code is CodeKey
		{"郑州市教育局", "郑州市教育局", "郑州市教育局", "郑州市教育局"},
		{"郑州市\u200b教育局", "郑州市教育局", "郑州市教育局", "郑州市教育局"},       // zero-width space
		{"\u200e郑州市教育局\u200f", "郑州市教育局", "郑州市教育局", "郑州市教育局"}, // LRM, RLM
		{"\ufeff郑州市教育局\u2060", "郑州市教育局", "郑州市教育局", "郑州市教育局"}, // BOM, word joiner
		{"郑州市\u00a0第一\u3000中学  分校 ", "郑州市 第一 中学 分校", "郑州市 第一 中学 分校", "郑州市 第一 中学 分校"},
		{"\uf900", "\u8c48", "\u8c48", "\u8c48"}, // CJK compatibility ideograph: NFC is the unified one
		{"Cafe\u0301", "Café", "CAFé", "CAFé"},   // decomposed accent composed
		{"abc学校", "abc学校", "ABC学校", "ABC学校"},     // Latin letters compared in capitals
		{"ＡＢＣ学校", "ＡＢＣ学校", "ABC学校", "ABC学校"},     // full-width folded in the key
		{"hn2022-001", "hn2022-001", "HN2022-001", "HN2022-001"},
		{" ＨＮ２０２２－００１\u200b", "ＨＮ２０２２－００１", "HN2022-001", "HN2022-001"},
	} {
		if got := NormName(c.in); got != c.name {
			t.Errorf("NormName(%q) = %q, want %q", c.in, got, c.name)
		}
		if got := NameKey(c.in); got != c.key {
			t.Errorf("NameKey(%q) = %q, want %q", c.in, got, c.key)
		}
		if got := CodeKey(c.in); got != c.code {
			t.Errorf("CodeKey(%q) = %q, want %q", c.in, got, c.code)
		}
	}
	if !SameName("郑州市教育局", "郑州市\u200b教育局") || SameName("郑州市教育局", "郑州市教育厅") {
		t.Error("SameName")
	}
	if NormCode("hn2022-001\u200b") != "hn2022-001" || !SameCode("hn2022-001", "ＨＮ2022-001") {
		t.Error("NormCode keeps the case typed; SameCode ignores it")
	}
	for _, s := range []string{"郑州\x1b[31m市", "铃\a", "x\u0085"} {
		err := CheckName("单位名称", s)
		if err == nil || ErrorCode(err) != EINVALID {
			t.Errorf("CheckName(%q) = %v", s, err)
		}
	}
	if err := CheckName("单位名称", "郑州市教育局"); err != nil {
		t.Error(err)
	}
	if got := CheckName("单位名称", "a\x1bb").Error(); got != "单位名称中有控制字符（U+001B ESC），这类字符看不见，会扰乱显示；请删除后重新输入" {
		t.Errorf("message %q", got)
	}
}
