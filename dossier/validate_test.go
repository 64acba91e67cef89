package dossier

import "testing"

func TestValidate(t *testing.T) {
	good := func() Campaign {
		return Campaign{Title: " 评选 ", Year: 2022, Date: "2022-03-15", Quota: 2, TrimMin: 5}
	}
	for _, tc := range []struct {
		name string
		v    interface{ Validate() error }
		want string // the message, "" for none
	}{
		{"campaign", ptr(good()), ""},
		{"campaign without title", &Campaign{Title: " ", TrimMin: 5}, "评选活动名称不能为空"},
		{"campaign date", with(good(), func(c *Campaign) { c.Date = "2022-13-01" }), "日期“2022-13-01”无效，应为 YYYY-MM-DD，例如 2022-03-15"},
		{"campaign year", with(good(), func(c *Campaign) { c.Year = 22 }), "年份 22 无效，应为四位年份（1900 到 2200）"},
		{"campaign quota", with(good(), func(c *Campaign) { c.Quota = -1 }), "拟表彰名额不能为负数"},
		{"campaign trim", with(good(), func(c *Campaign) { c.TrimMin = 2 }), "去掉最高分和最低分的起点（有效评分份数）至少为 3，当前为 2"},
		{"campaign min valid", with(good(), func(c *Campaign) { c.MinValid = -2 }), "参与排名所需的最少有效评分份数至少为 1，当前为 -2"},
		{"category", &Category{Name: "优化扩充工程", Max: Points(20)}, ""},
		{"category without name", &Category{Name: "  ", Max: Points(20)}, "类别名称不能为空"},
		{"category max zero", &Category{Name: "优化扩充工程"}, "类别“优化扩充工程”的满分 0 无效，应在 0.1 到 1000 之间"},
		{"category max too big", &Category{Name: "优化扩充工程", Max: Points(1001)}, "类别“优化扩充工程”的满分 1001 无效，应在 0.1 到 1000 之间"},
		{"indicator", &Indicator{Name: "新增学位", Unit: "万个"}, ""},
		{"indicator without name", &Indicator{Unit: "个"}, "指标名称不能为空"},
		{"indicator direction", &Indicator{Name: "新增学位", Direction: "up"}, "指标“新增学位”的方向“up”无效"},
		{"evaluator", &Evaluator{Name: "张评委"}, ""},
		{"evaluator without name", &Evaluator{Name: "\u200b"}, "评委姓名不能为空"},
		{"unit", &Unit{Code: "HN-1", Name: "郑州市教育局"}, ""},
		{"unit without code", &Unit{Name: "郑州市教育局"}, "申报编号不能为空"},
		{"unit without name", &Unit{Code: "HN-1"}, "单位名称不能为空"},
		{"unit status", &Unit{Code: "HN-1", Name: "郑州市教育局", Status: "通过"}, "状态“通过”无效，应为 已受理、材料待补 或 已撤回"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.v.Validate()
			if got := ErrorMessage(err); (err == nil) != (tc.want == "") || got != tc.want && tc.want != "" {
				t.Errorf("Validate() = %v, want %q", err, tc.want)
			}
			if err != nil && ErrorCode(err) != EINVALID {
				t.Errorf("code %q, want EINVALID", ErrorCode(err))
			}
		})
	}
}

func TestValidateTidies(t *testing.T) {
	c := Campaign{Title: " 评选 ", TrimMin: 5}
	u := Unit{Code: " HN-1 ", Name: " 郑州市教育局 "}
	in := Indicator{Name: "新增学位"}
	if c.Validate() != nil || u.Validate() != nil || in.Validate() != nil {
		t.Fatal("refused")
	}
	if c.Title != "评选" || c.MinValid != 1 || u.Code != "HN-1" || u.Name != "郑州市教育局" || u.Status != StatusAccepted || in.Direction != HigherBetter {
		t.Errorf("not tidied: %+v %+v %+v", c, u, in)
	}
}

func TestMaximaWarning(t *testing.T) {
	cats := func(maxima ...int) []Category {
		var out []Category
		for _, m := range maxima {
			out = append(out, Category{Max: Points(m)})
		}
		return out
	}
	if w := MaximaWarning(cats(20, 20, 20, 20, 20)); w != "" {
		t.Errorf("100: %q", w)
	}
	if w := MaximaWarning(nil); w != "" {
		t.Errorf("no categories: %q", w)
	}
	if w, want := MaximaWarning(cats(20, 20, 20, 20, 25)), "各类别满分合计 105 分，不是 100 分。总分是各类别得分之和，请核对各类别的满分。"; w != want {
		t.Errorf("105: %q, want %q", w, want)
	}
}

func ptr[T any](v T) *T { return &v }

func with(c Campaign, f func(*Campaign)) *Campaign {
	f(&c)
	return &c
}
