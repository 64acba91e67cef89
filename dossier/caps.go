package dossier

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// KindQuota is a declared cap on one kind of unit (单位类型) in the list of
// recommended units: at least (Min) or at most N units, or N percent of the
// quota (Percent). `基层学校>=30%` is {Kind: 基层学校, Min: true, N: 30,
// Percent: true}.
type KindQuota struct {
	Kind    string
	Min     bool
	N       int
	Percent bool
}

// ParseKindQuota reads a kind quota as written on the command line and in
// the campaign file: KIND>=N, KIND<=N, KIND>=N% or KIND<=N%. The full-width
// forms ＞＝, ≥, ≤ and ％ are read too.
func ParseKindQuota(s string) (KindQuota, error) {
	t := strings.NewReplacer("＞＝", ">=", "＜＝", "<=", "≥", ">=", "≤", "<=", "％", "%", "＝", "=", "＞", ">", "＜", "<").Replace(strings.TrimSpace(s))
	var q KindQuota
	i := strings.Index(t, ">=")
	j := strings.Index(t, "<=")
	switch {
	case i > 0 && (j < 0 || i < j):
		q.Min = true
	case j > 0:
		i = j
	default:
		return q, Errorf(EINVALID, "单位类型名额“%s”无效：应写成“单位类型>=数量”或“单位类型<=数量”，数量可带 %%，例如 基层学校>=30%%、教育行政部门<=5", s)
	}
	q.Kind = NormName(t[:i])
	num := strings.TrimSpace(t[i+2:])
	if strings.HasSuffix(num, "%") {
		q.Percent = true
		num = strings.TrimSpace(strings.TrimSuffix(num, "%"))
	}
	n, err := strconv.Atoi(FoldWidth(num))
	switch {
	case q.Kind == "":
		return q, Errorf(EINVALID, "单位类型名额“%s”无效：缺少单位类型", s)
	case err != nil || n < 0:
		return q, Errorf(EINVALID, "单位类型名额“%s”无效：数量“%s”应为非负整数", s, num)
	case q.Percent && n > 100:
		return q, Errorf(EINVALID, "单位类型名额“%s”无效：比例不能超过 100%%", s)
	}
	if err := CheckName("单位类型", q.Kind); err != nil {
		return q, err
	}
	q.N = n
	return q, nil
}

// String is the quota as ParseKindQuota reads it: 基层学校>=30%.
func (q KindQuota) String() string {
	op := "<="
	if q.Min {
		op = ">="
	}
	s := q.Kind + op + strconv.Itoa(q.N)
	if q.Percent {
		s += "%"
	}
	return s
}

// Label is the quota in Chinese, as explanations and documents name it:
// 基层学校不少于 30%, 教育行政部门不超过 5 个.
func (q KindQuota) Label() string {
	word := "不超过"
	if q.Min {
		word = "不少于"
	}
	if q.Percent {
		return q.Kind + word + " " + strconv.Itoa(q.N) + "%"
	}
	return q.Kind + word + " " + strconv.Itoa(q.N) + " 个"
}

// Limit is the number of units the quota allows (a maximum) or asks for (a
// minimum) in a list of quota units: a share of the quota is rounded up for
// a minimum (30% of 5 is 2) and down for a maximum (30% of 5 is 1), so the
// list never breaks the share as written.
func (q KindQuota) Limit(quota int) int {
	if !q.Percent {
		return q.N
	}
	if q.Min {
		return (q.N*quota + 99) / 100
	}
	return q.N * quota / 100
}

// RegionCapLabel is the label of the per-地市 cap: 每个地市不超过 2 个.
func RegionCapLabel(n int) string { return "每个地市不超过 " + strconv.Itoa(n) + " 个" }

// City is the 地市 a region belongs to, as the region cap compares them:
// the region up to and including its first 市, 州, 盟 or 地区 (河南省郑州市金水区
// is 河南省郑州市, 湖北省恩施州利川市 is 湖北省恩施州), or the whole region when it
// has none of them. A 州 that is part of a city's or a province's own name
// (郑州市, 贵州省, 通州区: followed by 市, 省, 区 or 县) is not a 州 here.
// Regions are normalised (NormName) first; an empty region has no 地市 and
// no cap.
func City(region string) string {
	r := NormName(region)
	for i, c := range r {
		if i == 0 {
			continue
		}
		switch c {
		case '市', '盟':
			return r[:i+utf8.RuneLen(c)]
		case '州':
			next, _ := utf8.DecodeRuneInString(r[i+len("州"):])
			if !strings.ContainsRune("市省区县", next) {
				return r[:i+len("州")]
			}
		case '地':
			if strings.HasPrefix(r[i:], "地区") {
				return r[:i+len("地区")]
			}
		}
	}
	return r
}

// ParseKindQuotas reads the stored form of a campaign's kind quotas: one
// quota per line, as String writes them.
func ParseKindQuotas(s string) ([]KindQuota, error) {
	var out []KindQuota
	for _, line := range strings.Split(s, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		q, err := ParseKindQuota(line)
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, nil
}

// FormatKindQuotas is the stored form of kind quotas: one per line.
func FormatKindQuotas(qs []KindQuota) string {
	lines := make([]string, len(qs))
	for i, q := range qs {
		lines[i] = q.String()
	}
	return strings.Join(lines, "\n")
}

// CheckCaps checks a campaign's caps against each other: two quotas of one
// kind in the same direction, or a minimum above a maximum, is refused,
// since the list could not honour both.
func CheckCaps(c *Campaign) error {
	if c.RegionCap < 0 {
		return Errorf(EINVALID, "每个地市的推荐上限不能为负数（0 表示不限）")
	}
	seen := map[string]KindQuota{}
	for _, q := range c.KindQuotas {
		if q.Kind == "" || utf8.RuneCountInString(q.Kind) > 100 {
			return Errorf(EINVALID, "单位类型名额“%s”无效：单位类型应为 1 到 100 个字", q.String())
		}
		k := NameKey(q.Kind) + strconv.FormatBool(q.Min)
		if o, ok := seen[k]; ok {
			return Errorf(EINVALID, "单位类型“%s”有两个%s限制（%s、%s），请只保留一个", q.Kind, map[bool]string{true: "下", false: "上"}[q.Min], o.Label(), q.Label())
		}
		seen[k] = q
	}
	for _, q := range c.KindQuotas {
		if !q.Min {
			continue
		}
		if mx, ok := seen[NameKey(q.Kind)+"false"]; ok && q.Limit(c.Quota) > mx.Limit(c.Quota) {
			return Errorf(EINVALID, "单位类型“%s”的下限（%s）高于上限（%s），无法同时满足", q.Kind, q.Label(), mx.Label())
		}
	}
	return nil
}
