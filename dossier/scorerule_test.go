package dossier

import "testing"

func TestCategoryScoreRule(t *testing.T) {
	c := Category{Name: "优化扩充工程", Max: Points(20)}
	if h := c.Header(); h != "优化扩充工程(20)" {
		t.Errorf("Header() = %q", h)
	}
	if h := (Category{Name: "特色工程", Max: 125}).Header(); h != "特色工程(12.5)" {
		t.Errorf("Header() = %q", h)
	}
	for v, want := range map[Tenths]string{
		0: "", 200: "", 155: "",
		201: "分值 20.1 超出范围，“优化扩充工程”应在 0 到 20 之间",
		-1:  "分值 -0.1 超出范围，“优化扩充工程”应在 0 到 20 之间",
	} {
		err := c.CheckScore(v)
		if got := ErrorMessage(err); (err == nil) != (want == "") || err != nil && got != want {
			t.Errorf("CheckScore(%s) = %v, want %q", v, err, want)
		}
		if err != nil && ErrorCode(err) != EINVALID {
			t.Errorf("CheckScore(%s) code %q", v, ErrorCode(err))
		}
	}
}
