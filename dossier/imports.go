package dossier

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Submission is one unit's material as read from a submission workbook
// (申报表). The reader resolves category and indicator names against the
// campaign, so Unit's Achievements, Values and Photos carry IDs. Unit.ID,
// Status and Revision are left empty: the import decides them.
type Submission struct {
	File string // path as given by the user, for messages and history
	Unit Unit
	// CodeCell and NameCell are where 申报编号 and 单位名称 were read
	// (e.g. "B1"), for messages; empty when unknown.
	CodeCell, NameCell string
	// Absent says which material sheets the workbook did not have. A
	// missing sheet is not an empty sheet: the import keeps the stored
	// material of an absent sheet and clears only that of a present,
	// emptied one. The zero value is a complete workbook.
	Absent Absent
	// Warnings are the reader's notes that do not reject the file.
	Warnings []string
}

// Absent marks the material sheets a submission workbook left out.
type Absent struct {
	Achievements bool // 事迹材料
	Values       bool // 量化指标
	Photos       bool // 图片
}

// problem is a problem at a cell of the 基本信息 sheet.
func (s *Submission) problem(cell, format string, args ...any) Problem {
	return Problem{File: s.File, Sheet: "基本信息", Cell: cell, Message: fmt.Sprintf(format, args...)}
}

// ImportAction is what an import does with one file.
type ImportAction int

// What an import can do with a file.
const (
	ImportNew ImportAction = iota
	ImportUpdate
	ImportRejected
)

// Label is the Chinese wording shown in previews: 新增 / 更新 / 拒绝.
func (a ImportAction) Label() string {
	switch a {
	case ImportNew:
		return "新增"
	case ImportUpdate:
		return "更新"
	}
	return "拒绝"
}

// ImportItem is the plan (and, after commit, the outcome) for one file.
type ImportItem struct {
	File     string
	Action   ImportAction
	Code     string
	Name     string
	UnitID   string    // the existing unit, for an update
	Changes  []string  // what an update changes, in Chinese
	Problems []Problem // why the file is rejected, one each
	// Removals lists each stored material item the update removes, in
	// Chinese ("图片 3：校园一角将被删除", "量化指标“新增学位”（27.6万个）将被清除"),
	// in the dry run and the real run alike, so it can be shown before the
	// write.
	Removals []string
	// Warnings are notes that do not reject the file (a material sheet that
	// is absent, so its stored material is kept).
	Warnings []string
	// Unchanged marks an update whose workbook equals the stored unit: the
	// import writes nothing for it (no revision, no history entry).
	Unchanged bool
	Sub       *Submission
}

// PlanImport decides for each submission whether it creates a unit, updates
// one or is rejected, by DESIGN.md's matching rule: by 申报编号 when given (a
// new code whose 单位名称 belongs to another unit is ambiguous), else by
// 单位名称; the same unit in two files rejects both. existing needs only
// ID, Code and Name.
func PlanImport(existing []Unit, subs []Submission) []ImportItem {
	byCode := map[string]*Unit{}
	byName := map[string]*Unit{}
	// Codes and names compared folded (NormCode, NameKey): 郑州市教育局 with
	// a zero-width space, or hn2022-001, is the unit already there.
	for i := range existing {
		byCode[CodeKey(existing[i].Code)] = &existing[i]
		byName[NameKey(existing[i].Name)] = &existing[i]
	}
	items := make([]ImportItem, len(subs))
	key := make([]string, len(subs))
	nameKey := make([]string, len(subs)) // folded once: compared n² times below
	codeKey := make([]string, len(subs))
	for i := range subs {
		s := &subs[i]
		s.Unit.Code = NormCode(s.Unit.Code)
		s.Unit.Name = NormName(s.Unit.Name)
		name := NameKey(s.Unit.Name)
		nameKey[i], codeKey[i] = name, CodeKey(s.Unit.Code)
		it := ImportItem{File: s.File, Code: s.Unit.Code, Name: s.Unit.Name, Sub: s}
		switch {
		case s.Unit.Code != "" && byCode[CodeKey(s.Unit.Code)] != nil:
			u := byCode[CodeKey(s.Unit.Code)]
			if other := byName[name]; other != nil && other.ID != u.ID {
				it.Action = ImportRejected
				it.Problems = append(it.Problems, s.problem(s.NameCell, "单位名称“%s”已属于申报编号为“%s”的另一单位，申报编号“%s”的单位不能改用这个名称；请核对申报编号和单位名称。",
					s.Unit.Name, other.Code, s.Unit.Code))
				break
			}
			it.Action, it.UnitID = ImportUpdate, u.ID
		case s.Unit.Code != "" && byName[name] != nil:
			u := byName[name]
			it.Action = ImportRejected
			it.Problems = append(it.Problems, s.problem(s.CodeCell, "申报编号“%s”是新编号，但单位名称“%s”已属于申报编号为“%s”的单位，无法确定是哪个单位；请填写正确的申报编号。",
				s.Unit.Code, s.Unit.Name, u.Code))
		case s.Unit.Code == "" && byName[name] != nil:
			u := byName[name]
			it.Action, it.UnitID, it.Code = ImportUpdate, u.ID, u.Code
		default:
			it.Action = ImportNew
		}
		if it.UnitID != "" {
			key[i] = "id:" + it.UnitID
		} else if s.Unit.Code != "" {
			key[i] = "code:" + CodeKey(s.Unit.Code)
		} else {
			key[i] = "name:" + name
		}
		items[i] = it
	}
	// The same unit twice, by either code or name: report both, import neither.
	for i := range subs {
		for j := range subs {
			if i == j {
				continue
			}
			same := key[i] == key[j] ||
				(codeKey[i] != "" && codeKey[i] == codeKey[j]) ||
				nameKey[i] == nameKey[j]
			if same {
				items[i].Action = ImportRejected
				items[i].Problems = append(items[i].Problems, subs[i].problem(subs[i].NameCell, "与本次导入的另一文件 %s 是同一单位（%s），两个文件都未导入；请只保留一份后重新导入。",
					subs[j].File, subs[i].Unit.Name))
			}
		}
	}
	return items
}

// DiffUnit describes in Chinese what changes from old to new: the basic
// fields, and the material by section, indicator and photo (CompareUnits
// has the full content and the removals).
func DiffUnit(b *Book, old, new *Unit) []string {
	d := CompareUnits(b, old, new, false)
	return d.Changes
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return s
}

// FormatNumber prints an indicator value without needless zeros: 276000,
// 27.6, 6.66.
func FormatNumber(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// ScoreSheet is an evaluator's score workbook (评分表) as read back.
type ScoreSheet struct {
	File      string
	Evaluator string // 评委信息!B1
	Campaign  string // 评委信息!B2
	Check     string // 评委信息!B3
	Rows      []ScoreRow
}

// ScoreRow is one row of the 评分 sheet. Blank cells are absent from Values.
type ScoreRow struct {
	Cell       string // the 申报编号 cell, e.g. "A5", for messages
	Code       string
	Values     []ScoreCell
	Comment    string
	HasComment bool
	Filled     bool // some score cell is not blank (even if unreadable)
}

// ScoreCell is one filled score cell.
type ScoreCell struct {
	Cell       string // e.g. "C5"
	CategoryID string
	Value      Tenths
}

// CheckCode derives the 校验码 printed in an evaluator's score workbook from
// the campaign and the evaluator, so a workbook cannot be read back into
// another campaign or for another evaluator.
func CheckCode(campaignID, evaluatorID string) string {
	h := sha256.Sum256([]byte("dossier-scoresheet\x00" + campaignID + "\x00" + evaluatorID))
	return strings.ToUpper(hex.EncodeToString(h[:5]))
}
