package dossier

import (
	"strings"
	"time"
)

// Status is a unit's standing in the campaign, stored and shown as its Chinese label.
type Status string

// The statuses a unit can have (DESIGN.md "The data").
const (
	StatusAccepted  Status = "已受理"
	StatusPending   Status = "材料待补"
	StatusWithdrawn Status = "已撤回"
)

// Statuses lists every status in display order.
var Statuses = []Status{StatusAccepted, StatusPending, StatusWithdrawn}

// Valid reports whether s is one of the known statuses.
func (s Status) Valid() bool {
	for _, x := range Statuses {
		if s == x {
			return true
		}
	}
	return false
}

// Direction says whether a higher or a lower indicator value is better.
type Direction string

// Directions of an indicator.
const (
	HigherBetter Direction = "higher"
	LowerBetter  Direction = "lower"
)

// Label is the Chinese wording of the direction.
func (d Direction) Label() string {
	if d == LowerBetter {
		return "越低越好"
	}
	return "越高越好"
}

// Campaign is an evaluation campaign (评选活动): one campaign file holds one.
type Campaign struct {
	ID        string
	Title     string
	Organiser string // 主办单位
	Year      int
	// Date is the date printed on the campaign's documents (YYYY-MM-DD) and
	// their creation date, so the same campaign always gives the same bytes.
	Date  string
	Quota int // 拟表彰名额
	// TrimMin is the number of valid totals from which the highest and the
	// lowest are dropped (default 5, at least 3).
	TrimMin int
	// TieBreak lists category IDs compared in order when final scores are equal.
	TieBreak []string
	// MinValid is the fewest valid totals a unit needs to be ranked
	// (default 1); a unit with fewer is listed unranked, saying why.
	MinValid int
	// RegionCap is the most units of one 地市 (City) on the list of
	// recommended units; 0 sets no cap.
	RegionCap int
	// KindQuotas are the caps per unit kind (单位类型), in declared order.
	KindQuotas []KindQuota
	// NoticeStart is the first day of the 公示 (YYYY-MM-DD), "" when not
	// yet set; NoticeDays the number of working days it lasts (default 5).
	NoticeStart string
	NoticeDays  int
	// ObjectionContact is who receives objections during the 公示 (受理单位,
	// 电话, 地址或邮箱), printed on the notice.
	ObjectionContact string
	// BodyFont is the face of the documents' body text (正文字体): 仿宋
	// or 宋体; "" is DefaultBodyFont.
	BodyFont BodyFont
	// Version counts the committed writes of the settings; an update based
	// on an older version is refused with a *StaleError.
	Version int64
}

// DefaultTrimMin is the default number of valid totals from which the highest
// and lowest total are dropped.
const DefaultTrimMin = 5

// MinTrimMin is the smallest allowed TrimMin: dropping two totals from fewer
// than three would leave nothing.
const MinTrimMin = 3

// DateTime returns the campaign date as a time at noon UTC (noon keeps the
// calendar day in every time zone a reader may use), or the zero time.
func (c Campaign) DateTime() time.Time {
	t, err := time.Parse("2006-01-02", c.Date)
	if err != nil {
		return time.Time{}
	}
	return t.Add(12 * time.Hour)
}

// Category is one of the campaign's project categories (类别, "工程").
type Category struct {
	ID          string
	Name        string
	Slogan      string
	Description string
	Max         Tenths // maximum score
	Position    int
	Indicators  []Indicator
	// Version counts the committed writes of the category's own fields
	// (name, slogan, description, maximum, position), not its indicators'.
	Version int64
}

// Indicator is a quantified indicator (量化指标) of a category.
type Indicator struct {
	ID         string
	CategoryID string
	Name       string
	Unit       string // unit of measure: 所, 个, 万个, 亿元, %, 名, 万人次…
	Direction  Direction
	Position   int
	// Version counts the committed writes of the indicator.
	Version int64
}

// Unit is a candidate unit (申报单位) with, when loaded whole, its material.
type Unit struct {
	ID          string
	Code        string // 申报编号, unique in a campaign
	Name        string
	Region      string // 所属地区
	Kind        string // 单位类型
	Recommender string // 推荐单位
	Contact     string
	Phone       string
	Title       string // 事迹标题
	Summary     string // 事迹简介
	Status      Status
	// Revision counts the unit's content changes by import: 1 at creation,
	// +1 per re-import (or restore) that changes something.
	Revision int
	// Version counts every committed write of the unit's basic fields or
	// its material (sections, values, photos), by the app, the command
	// line, an import or a restore; a write based on an older version is
	// refused with a *StaleError.
	Version int64

	Achievements []Achievement // in order
	Values       []IndicatorValue
	Photos       []Photo // in order
}

// Achievement is one section of a unit's achievements (事迹) in a category.
// Body holds the paragraphs separated by "\n".
type Achievement struct {
	CategoryID string
	Heading    string
	Body       string
}

// Paragraphs splits the body into its non-empty paragraphs.
func (a Achievement) Paragraphs() []string {
	return Paragraphs(a.Body)
}

// Paragraphs splits text into non-empty, trimmed paragraphs at line breaks.
func Paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// IndicatorValue is a unit's value of an indicator, in the indicator's own
// unit of measure (27.6万 for an indicator counted in 个 is 276000).
type IndicatorValue struct {
	IndicatorID string
	Value       float64
	Note        string
	// NoValue marks a note without a figure: the unit had no exact number
	// (e.g. only “约27万”) and said so in 说明. Value is then meaningless.
	NoValue bool
}

// Display is the value as printed: the number, or "—" when there is none.
func (v IndicatorValue) Display() string {
	if v.NoValue {
		return "—"
	}
	return FormatNumber(v.Value)
}

// Photo is a picture of a unit, optionally tied to a category. Data is a
// plain JPEG or non-interlaced PNG, already re-encoded for printing.
type Photo struct {
	ID         string
	CategoryID string // empty: not tied to a category
	Caption    string
	Format     string // "jpeg" or "png"
	Width      int
	Height     int
	Data       []byte
	Renditions []Rendition // smaller copies for documents, made at import (see Rendition)
}

// Evaluator is a member of the evaluation committee (评委).
type Evaluator struct {
	ID          string
	Name        string // unique in a campaign
	Affiliation string
	Region      string
	Role        string
	Position    int // order in the evaluator list
	// Version counts the committed writes of the evaluator.
	Version int64
}

// ConflictOverride is a manual conflict decision: Conflict true adds a 回避
// pair, false lifts an automatic one. Reason is always recorded.
type ConflictOverride struct {
	EvaluatorID string
	UnitID      string
	Conflict    bool
	Reason      string
}

// Score is one evaluator's score of one unit in one category.
type Score struct {
	EvaluatorID string
	UnitID      string
	CategoryID  string
	Value       Tenths
}

// Comment is an evaluator's comment (备注) on a unit.
type Comment struct {
	EvaluatorID string
	UnitID      string
	Text        string
}

// Event is one entry of the campaign's history: every import and edit,
// with the content it replaced.
type Event struct {
	ID       int64
	At       time.Time
	Action   string // a dossier.Action as stored, e.g. "import.update"; Action(e.Action).Label() names it
	UnitID   string
	UnitCode string // the unit's current 申报编号, "" when the entry is not about a unit
	Source   string // file it came from, if any
	Detail   string // Chinese one-line description of what changed
	// Subject names what was changed, in Chinese: "单位 2022-0001 郑州市教育局",
	// "类别“优化扩充工程”", "评委“张敏”", "评选设置".
	Subject string
	// Before and After are the replaced and the new content as Chinese
	// display text, in full (no clipping), one changed item per line;
	// empty when the entry replaced nothing (e.g. a creation).
	Before, After string
	// Restorable says whether Store.RestoreEvent can bring back what this
	// entry replaced.
	Restorable bool
}

// Revision is an earlier state of a unit, kept when a re-import replaced it.
// At and Source are those of the re-import that replaced this state (the
// file that superseded it), not of the import that brought it in; the unit's
// history has that one.
type Revision struct {
	UnitID   string
	Revision int
	At       time.Time
	Source   string
	Unit     Unit // as it was at that revision, material included
}
