// The 量化指标 sheet of a submission: each indicator's value in its unit of
// measure, read from the cell's number, format and text.

package xlsx

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/dossier-app/dossier/dossier"
)

func (sr *subReader) indicators(sh *sheet) {
	t, ok := sr.findTable(sh, []string{HeaderCategory, HeaderIndicator, HeaderValue})
	if !ok {
		return
	}
	want := t.present(HeaderCategory, HeaderIndicator, HeaderUnit, HeaderValue, HeaderNote)
	sr.checkMerges(t, want, map[string]bool{HeaderCategory: true})
	sr.checkHiddenUnderMerges(t, want)
	sr.checkHiddenCols(t, want)
	cc, ic, uc, vc, nc := t.cols[HeaderCategory], t.cols[HeaderIndicator], t.cols[HeaderUnit], t.cols[HeaderValue], t.cols[HeaderNote]
	seen := map[string]int{}
	for i := range sh.Rows {
		r := &sh.Rows[i]
		if r.N <= t.header {
			continue
		}
		vcell := r.at(vc)
		note := paragraphs(sr.text(sh, r.at(nc)))
		if (vcell == nil || vcell.Blank()) && note == "" {
			continue
		}
		if r.Hidden {
			sr.hiddenRow(sh, r)
		}
		sr.checkLength(sh, ref(nc, r.N), HeaderNote, note, MaxNoteChars, "请精简")
		catName := oneLine(sr.text(sh, sh.mergedValue(r, cc)))
		indName := oneLine(sr.text(sh, r.at(ic)))
		ind := sr.indicator(catName, indName)
		if ind == nil {
			switch {
			case indName == "":
				sr.ps.add(sh.Name, ref(ic, r.N), "这一行填写了数值或说明，但没有指标名称；请只在预填的指标行填写")
			case catName != "" && sr.category(catName) == nil:
				sr.ps.add(sh.Name, ref(cc, r.N), "类别“%s”不是本次评选的类别（%s）；请不要修改预填的类别", clipText(catName, 30), sr.categoryNames())
			default:
				sr.ps.add(sh.Name, ref(ic, r.N), "指标“%s”不是本次评选规定的指标；请只在预填的指标行填写，不要修改指标名称", clipText(indName, 30))
			}
			continue
		}
		if prev, dup := seen[ind.ID]; dup {
			sr.ps.add(sh.Name, ref(vc, r.N), "指标“%s”填写了两次（第 %d 行和第 %d 行），请只保留一行", ind.Name, prev, r.N)
			continue
		}
		seen[ind.ID] = r.N
		if vcell == nil || vcell.Blank() {
			// No exact figure, only wording in 说明: kept as a note.
			sr.unit.Values = append(sr.unit.Values, dossier.IndicatorValue{IndicatorID: ind.ID, NoValue: true, Note: note})
			continue
		}
		v, ok := sr.value(sh, vcell, r.at(uc), ind)
		if !ok {
			continue
		}
		sr.unit.Values = append(sr.unit.Values, dossier.IndicatorValue{IndicatorID: ind.ID, Value: v, Note: note})
	}
}

// indicator finds an indicator by category and name; with no category, by
// a name that is unique in the campaign.
func (sr *subReader) indicator(catName, name string) *dossier.Indicator {
	if name == "" {
		return nil
	}
	var found *dossier.Indicator
	n := 0
	for i := range sr.b.Categories {
		c := &sr.b.Categories[i]
		if catName != "" && sr.category(catName) != c {
			continue
		}
		for j := range c.Indicators {
			if c.Indicators[j].Name == name {
				found = &c.Indicators[j]
				n++
			}
		}
	}
	if n != 1 {
		return nil
	}
	return found
}

// value reads an indicator value in the indicator's unit of measure.
func (sr *subReader) value(sh *sheet, c, unitCell *cell, ind *dossier.Indicator) (float64, bool) {
	at := c.Ref()
	unit := ind.Unit
	scale := 0
	if u := oneLine(sr.text(sh, unitCell)); u != "" && dossier.FoldWidth(u) != dossier.FoldWidth(ind.Unit) {
		ue, ub := dossier.SplitUnit(u)
		ie, ib := dossier.SplitUnit(ind.Unit)
		if ub != ib {
			sr.ps.add(sh.Name, unitCell.Ref(), "计量单位被改成了“%s”，与本指标规定的“%s”不一致；请改回“%s”并按此填写数值", clipText(u, 20), ind.Unit, ind.Unit)
			return 0, false
		}
		unit, scale = u, ue-ie
	}
	if c.Bad || c.VM || c.HasF {
		return 0, false // reported by checkCells
	}
	var v float64
	switch {
	case c.T == "e":
		sr.ps.add(sh.Name, at, "单元格显示错误值 %s；请填写确切数字", clipText(c.V, 20))
		return 0, false
	case c.T == "b":
		sr.ps.add(sh.Name, at, "“%s”不是数字；请填写确切数字", c.String())
		return 0, false
	case c.T == "d":
		sr.ps.add(sh.Name, at, "单元格是日期（%s），不是数字；请把单元格格式改为“常规”后重新填写", clipText(c.V, 20))
		return 0, false
	case c.IsNumber():
		f, err := strconv.ParseFloat(strings.TrimSpace(c.V), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			sr.ps.add(sh.Name, at, "“%s”不是数字；请填写确切数字", clipText(c.V, 20))
			return 0, false
		}
		id, code := sr.wb.numFmt(c.S)
		switch {
		case isDateFormat(id, code):
			sr.ps.add(sh.Name, at, "单元格被设置成了日期或时间格式，输入的数字会被当成日期；请把单元格格式改为“常规”后重新填写数字")
			return 0, false
		case isPercentFormat(id, code):
			if _, base := dossier.SplitUnit(unit); base != "%" {
				sr.ps.add(sh.Name, at, "单元格是百分比格式（显示为 %s%%），但本指标的计量单位是“%s”；请把单元格格式改为“常规”，按“%s”填写数字",
					dossier.FormatNumber(percentOf(f)), ind.Unit, ind.Unit)
				return 0, false
			}
			f = percentOf(f)
		}
		v = f
	default:
		f, err := ParseNumber(c.String(), unit)
		if err != nil {
			var ne *NumberError
			if errors.As(err, &ne) && ne.Kind == Empty {
				return 0, false
			}
			sr.ps.add(sh.Name, at, "%s", err.Error())
			return 0, false
		}
		v = f
	}
	if scale != 0 {
		v = dossier.ScaleDecimal(v, scale)
	}
	if math.IsInf(v, 0) || math.IsNaN(v) || math.Abs(v) >= maxNumber {
		sr.ps.add(sh.Name, at, "数值超出可填写的范围，请核对")
		return 0, false
	}
	if v == 0 {
		v = 0 // no negative zero
	}
	return v, true
}

// stripFormat removes from a number format code its quoted text, escaped
// characters and bracketed sections (colours, locales, conditions).
func stripFormat(code string) string {
	var b strings.Builder
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				return b.String()
			}
			i += j + 1
		case '\\', '_', '*':
			i++
		case '[':
			j := strings.IndexByte(code[i+1:], ']')
			if j < 0 {
				return b.String()
			}
			inner := strings.ToLower(code[i+1 : i+1+j])
			if inner == "h" || inner == "hh" || inner == "m" || inner == "mm" || inner == "s" || inner == "ss" {
				b.WriteString(inner) // elapsed time
			}
			i += j + 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// isPercentFormat reports whether a number format shows a percentage.
func isPercentFormat(id int, code string) bool {
	if id == 9 || id == 10 {
		return true
	}
	return strings.Contains(stripFormat(code), "%")
}

// isDateFormat reports whether a number format shows a date or a time.
func isDateFormat(id int, code string) bool {
	switch {
	case id >= 14 && id <= 22, id >= 27 && id <= 36, id >= 45 && id <= 47, id >= 50 && id <= 58:
		return true
	case code == "" || strings.EqualFold(code, "general"):
		return false
	}
	s := strings.ToLower(stripFormat(code))
	return strings.ContainsAny(s, "ymdhs") || strings.ContainsAny(s, "年月日时分秒")
}
