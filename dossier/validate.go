package dossier

import (
	"strings"
	"time"
)

// The ranges of the campaign's settings, in one place for the store, the
// settings screen and the command line.
const (
	MinYear, MaxYear = 1900, 2200
	// MinCategoryMax and MaxCategoryMax bound a category's maximum score.
	MinCategoryMax, MaxCategoryMax Tenths = 1, 10000
)

// FullMarks (100 points) is what the categories' maxima should add up to:
// the total is the sum of the category scores and is read as out of 100
// (the summary's "总分(100)"). Another sum is allowed, with a warning
// (MaximaWarning).
const FullMarks Tenths = 1000

// CheckYear checks a campaign year; 0 is no year.
func CheckYear(y int) error {
	if y != 0 && (y < MinYear || y > MaxYear) {
		return Errorf(EINVALID, "年份 %d 无效，应为四位年份（%d 到 %d）", y, MinYear, MaxYear)
	}
	return nil
}

// CheckDate checks the date printed on the campaign's documents; "" is no date.
func CheckDate(s string) error {
	if s == "" {
		return nil
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return Errorf(EINVALID, "日期“%s”无效，应为 YYYY-MM-DD，例如 2022-03-15", s)
	}
	return nil
}

// CheckQuota checks the 拟表彰名额.
func CheckQuota(n int) error {
	if n < 0 {
		return Errorf(EINVALID, "拟表彰名额不能为负数")
	}
	return nil
}

// CheckTrimMin checks the number of valid totals from which the highest and
// the lowest are dropped.
func CheckTrimMin(n int) error {
	if n < MinTrimMin {
		return Errorf(EINVALID, "去掉最高分和最低分的起点（有效评分份数）至少为 %d，当前为 %d", MinTrimMin, n)
	}
	return nil
}

// CheckMinValid checks the fewest valid totals a ranked unit needs.
func CheckMinValid(n int) error {
	if n < 1 {
		return Errorf(EINVALID, "参与排名所需的最少有效评分份数至少为 1，当前为 %d", n)
	}
	return nil
}

// CheckMax checks a category's maximum score.
func CheckMax(v Tenths) error {
	if v < MinCategoryMax || v > MaxCategoryMax {
		return Errorf(EINVALID, "满分 %s 无效，应在 %s 到 %s 之间", v.Short(), MinCategoryMax.Short(), MaxCategoryMax.Short())
	}
	return nil
}

// MaximaWarning is the warning shown when the categories' maxima do not add
// up to FullMarks, or "" when they do (or there are no categories).
func MaximaWarning(cats []Category) string {
	var sum Tenths
	for _, c := range cats {
		sum += c.Max
	}
	if len(cats) == 0 || sum == FullMarks {
		return ""
	}
	return "各类别满分合计 " + sum.Short() + " 分，不是 " + FullMarks.Short() + " 分。总分是各类别得分之和，请核对各类别的满分。"
}

// Validate tidies the campaign's settings (spaces round the title, an unset
// MinValid becomes 1, an unset BodyFont DefaultBodyFont) and checks them,
// with the message the user sees.
func (c *Campaign) Validate() error {
	c.Title = strings.TrimSpace(c.Title)
	if c.Title == "" {
		return Errorf(EINVALID, "评选活动名称不能为空")
	}
	if c.MinValid == 0 {
		c.MinValid = 1
	}
	c.BodyFont = c.BodyFont.Or()
	for _, err := range []error{CheckDate(c.Date), CheckYear(c.Year), CheckQuota(c.Quota), CheckMinValid(c.MinValid), CheckTrimMin(c.TrimMin), c.checkProcedure(), CheckBodyFont(c.BodyFont)} {
		if err != nil {
			return err
		}
	}
	return nil
}

// Validate tidies the category's name and checks it and the maximum.
func (c *Category) Validate() error {
	c.Name = strings.TrimSpace(c.Name)
	if c.Name == "" {
		return Errorf(EINVALID, "类别名称不能为空")
	}
	if err := CheckMax(c.Max); err != nil {
		return Errorf(EINVALID, "类别“%s”的%s", c.Name, ErrorMessage(err))
	}
	return nil
}

// Validate tidies the indicator (spaces; no direction is higher-better) and
// checks it.
func (in *Indicator) Validate() error {
	in.Name = strings.TrimSpace(in.Name)
	in.Unit = strings.TrimSpace(in.Unit)
	if in.Name == "" {
		return Errorf(EINVALID, "指标名称不能为空")
	}
	if in.Direction == "" {
		in.Direction = HigherBetter
	}
	if in.Direction != HigherBetter && in.Direction != LowerBetter {
		return Errorf(EINVALID, "指标“%s”的方向“%s”无效", in.Name, in.Direction)
	}
	return nil
}

// Validate tidies the evaluator's fields (spaces, invisible characters in
// the name) and checks them.
func (e *Evaluator) Validate() error {
	for _, f := range []*string{&e.Name, &e.Affiliation, &e.Region, &e.Role} {
		*f = strings.TrimSpace(*f)
	}
	for _, f := range []struct{ what, v string }{{"评委姓名", e.Name}, {"工作单位", e.Affiliation}, {"所属地区", e.Region}, {"角色", e.Role}} {
		if err := CheckName(f.what, f.v); err != nil {
			return err
		}
	}
	e.Name = NormName(e.Name)
	if e.Name == "" {
		return Errorf(EINVALID, "评委姓名不能为空")
	}
	return nil
}

// Validate tidies the unit's basic fields (spaces; the code and the name as
// NormCode and NormName keep them, so that two that look the same are one;
// no status is 已受理) and checks them.
func (u *Unit) Validate() error {
	for _, f := range []*string{&u.Code, &u.Name, &u.Region, &u.Kind, &u.Recommender, &u.Contact, &u.Phone, &u.Title} {
		*f = strings.TrimSpace(*f)
	}
	for _, f := range []struct{ what, v string }{{"申报编号", u.Code}, {"单位名称", u.Name}, {"所属地区", u.Region},
		{"单位类型", u.Kind}, {"推荐单位", u.Recommender}, {"联系人", u.Contact}, {"联系电话", u.Phone}, {"事迹标题", u.Title}} {
		if err := CheckName(f.what, f.v); err != nil {
			return err
		}
	}
	u.Code = NormCode(u.Code)
	u.Name = NormName(u.Name)
	if u.Name == "" {
		return Errorf(EINVALID, "单位名称不能为空")
	}
	if u.Code == "" {
		return Errorf(EINVALID, "申报编号不能为空")
	}
	if u.Status == "" {
		u.Status = StatusAccepted
	}
	if !u.Status.Valid() {
		return Errorf(EINVALID, "状态“%s”无效，应为 已受理、材料待补 或 已撤回", u.Status)
	}
	return nil
}
