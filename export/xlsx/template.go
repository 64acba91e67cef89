package xlsx

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"

	"github.com/dossier-app/dossier/dossier"
	"github.com/dossier-app/dossier/export/photo"
)

// TemplateVersion is the version of the submission workbook layout, written
// in its 填报说明 sheet.
const TemplateVersion = "1"

// Sheet names and labels of the submission workbook (DESIGN.md, "The
// submission workbook"). Readers find fields by these labels.
const (
	SheetGuide        = "填报说明"
	SheetBasic        = "基本信息"
	SheetAchievements = "事迹材料"
	SheetIndicators   = "量化指标"
	SheetPhotos       = "图片"
)

// Labels of the 基本信息 sheet, in column A.
const (
	LabelCode        = "申报编号"
	LabelName        = "单位名称"
	LabelRegion      = "所属地区"
	LabelKind        = "单位类型"
	LabelRecommender = "推荐单位"
	LabelContact     = "联系人"
	LabelPhone       = "联系电话"
	LabelTitle       = "事迹标题"
	LabelSummary     = "事迹简介"
)

// Column headers of the table sheets.
const (
	HeaderCategory  = "类别"
	HeaderHeading   = "标题"
	HeaderBody      = "正文"
	HeaderIndicator = "指标"
	HeaderUnit      = "计量单位"
	HeaderValue     = "数值"
	HeaderNote      = "说明"
	HeaderNumber    = "序号"
	HeaderCaption   = "图片说明"
)

// basicLabels lists the 基本信息 labels in template order.
var basicLabels = []string{LabelCode, LabelName, LabelRegion, LabelKind, LabelRecommender, LabelContact, LabelPhone, LabelTitle, LabelSummary}

// Lengths accepted on import, in characters.
const (
	MaxBodyChars    = 20_000 // 正文, per cell
	MaxSummaryChars = 5_000  // 事迹简介
	MaxHeadingChars = 200    // 标题, 事迹标题
	MaxFieldChars   = 100    // the other basic fields
	MaxNoteChars    = 500    // 说明, 图片说明
)

// DefaultKinds are offered in the 单位类型 dropdown, with the kinds the
// campaign's units already have.
var DefaultKinds = []string{"教育行政部门", "人力资源社会保障部门", "中小学校", "其他单位"}

// Rows the table sheets prepare below their header: the 事迹材料 dropdown
// reaches templateSectionRows, its borders and wrapping templateSpareRows
// past the pre-filled ones (so an empty template prints on few pages); 图片
// numbers templatePhotoRows rows.
const (
	templateSectionRows = 300
	templateSpareRows   = 10
	templatePhotoRows   = 20
)

// WriteTemplate writes the blank submission workbook (申报表模板) of the
// campaign: 填报说明 (how to fill it in, the campaign title and
// TemplateVersion), 基本信息, 事迹材料 (one row per category), 量化指标 (one
// row per indicator) and 图片, with dropdowns for 类别 and 单位类型, a numeric
// check on 数值, input hints, column widths and wrapping.
func WriteTemplate(w io.Writer, b *dossier.Book) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("template: %w", err)
	}
	t := &templateWriter{f: f, b: b, st: st}
	steps := []func() error{t.guide, t.basic, t.achievements, t.indicators, t.photos}
	for _, step := range steps {
		if err := step(); err != nil {
			return fmt.Errorf("template: %w", err)
		}
	}
	f.SetActiveSheet(0)
	if err := setDocProps(f, b, "申报表"); err != nil {
		return fmt.Errorf("template: %w", err)
	}
	if err := f.SetCustomProps(excelize.CustomProperty{Name: "DossierTemplateVersion", Value: TemplateVersion}); err != nil {
		return fmt.Errorf("template: %w", err)
	}
	if err := writeWorkbook(f, w, nil, false); err != nil {
		return fmt.Errorf("template: write: %w", err)
	}
	return nil
}

type templateWriter struct {
	f  *excelize.File
	b  *dossier.Book
	st *styles
	// categoryList is the cell range of 填报说明 listing the category names,
	// the dropdown source when the names do not fit an inline list.
	categoryList string
}

func (t *templateWriter) guide() error {
	f, b := t.f, t.b
	sh := SheetGuide
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	title := strings.TrimSpace(b.Campaign.Title)
	w := newCellWriter(f, sh)
	w.str("A1", title+" 申报表", t.st.title)
	_ = f.MergeCell(sh, "A1", "D1")
	_ = f.SetRowHeight(sh, 1, 30)
	w.str("A2", "评选活动", t.st.label)
	w.str("B2", title, t.st.text)
	w.str("A3", "主办单位", t.st.label)
	w.str("B3", b.Campaign.Organiser, t.st.text)
	w.str("A4", "模板版本", t.st.label)
	w.str("B4", TemplateVersion, t.st.text)
	for r := 2; r <= 4; r++ {
		_ = f.MergeCell(sh, cellName(2, r), cellName(4, r))
	}
	w.str("A6", "填写说明", t.st.heading)
	steps := []string{
		"本工作簿共有五个工作表：填报说明、基本信息、事迹材料、量化指标、图片。请不要删除或重命名工作表，不要修改表头和“基本信息”A 列的项目名称。",
		"基本信息：在 B 列填写。“单位名称”必填，请写单位全称；“申报编号”由主办单位分配，没有可以不填；“单位类型”可从下拉列表选择。",
		fmt.Sprintf("事迹材料：每个类别预留了一行，在“标题”“正文”两列填写。同一类别有多节内容时，在下方空行的“类别”列选择同一类别继续填写，按从上到下的顺序导入。正文分段请在单元格内按 Alt+Enter（WPS 相同）换行；每个单元格不超过 %d 字，更长的内容请分成几行。", MaxBodyChars),
		"量化指标：只在“数值”“说明”两列填写，不要修改类别、指标和计量单位。数值按该行的计量单位填写确切数字，可写作 276000、27.6万、1,200，百分比指标可写 6.66%。“约”“近”“余”“超过”“左右”等约数和其他文字说明请写在“说明”列。没有的指标留空。",
		fmt.Sprintf("图片：每行放一张图片，图片的左上角放在该行的 D 列（或其右侧）；WPS 中“嵌入单元格”的图片也可以放在 D 列。在“图片说明”列写明图片内容，“类别”可选。支持 JPG、PNG 格式，单张不超过 %d MB，过大的图片会自动缩小。", photo.MaxBytes>>20),
		"请不要使用公式，不要合并单元格，不要隐藏有内容的行；不需要的内容请直接删除。",
		fmt.Sprintf("填好后保存为 Excel 工作簿（.xlsx）格式，不要设置打开密码，文件不超过 %d MB，提交主办单位。", MaxFileBytes>>20),
	}
	for i, s := range steps {
		r := 7 + i
		w.str(cellName(1, r), strconv.Itoa(i+1), t.st.center)
		w.str(cellName(2, r), s, t.st.wrap)
		_ = f.MergeCell(sh, cellName(2, r), cellName(4, r))
		_ = f.SetRowHeight(sh, r, rowHeight(s, guideColB+guideColC+guideColD))
	}
	r := 8 + len(steps)
	w.str(cellName(1, r), "评选类别", t.st.heading)
	r++
	w.str(cellName(1, r), "序号", t.st.header)
	w.str(cellName(2, r), "类别", t.st.header)
	w.str(cellName(3, r), "满分", t.st.header)
	w.str(cellName(4, r), "评价重点", t.st.header)
	first := r + 1
	for i, c := range b.Categories {
		r++
		w.str(cellName(1, r), strconv.Itoa(i+1), t.st.center)
		w.str(cellName(2, r), c.Name, t.st.wrap)
		w.num(cellName(3, r), c.Max.Float(), t.st.count)
		desc := c.Description
		if c.Slogan != "" {
			desc = "（" + c.Slogan + "）" + desc
		}
		w.str(cellName(4, r), desc, t.st.wrap)
		_ = f.SetRowHeight(sh, r, max(rowHeight(desc, guideColD), rowHeight(c.Name, guideColB)))
	}
	if len(b.Categories) > 0 {
		t.categoryList = fmt.Sprintf("'%s'!$B$%d:$B$%d", sh, first, r)
	}
	_ = f.SetColWidth(sh, "A", "A", 12)
	_ = f.SetColWidth(sh, "B", "B", guideColB)
	_ = f.SetColWidth(sh, "C", "C", guideColC)
	_ = f.SetColWidth(sh, "D", "D", guideColD)
	if w.err != nil {
		return w.err
	}
	return printSetup(f, sh, false, 0)
}

// The widths of 填报说明's columns B to D, in character widths (the width
// of a digit of the default font): the steps are merged across all three.
const (
	guideColB = 30
	guideColC = 8
	guideColD = 60
)

// rowHeight is the height in points of a row whose wrapping text s fills
// a cell (or merged cells) cols character widths wide. Spreadsheet
// programs do not grow a row for wrapped text in merged cells, and Excel
// keeps a row height it is given, so it is counted here: a Chinese
// character (and a full-width or ambiguous-width mark, “ ” included,
// which Chinese fonts set full width) takes two widths, anything else one;
// lines are filled character by character, as the programs wrap Chinese,
// with a width kept back for the cell's margins and for a mark that may
// not start a line pulled back onto it. 18 pt a line leaves room for the
// taller line of the fonts LibreOffice substitutes for 宋体.
func rowHeight(s string, cols float64) float64 {
	room := cols - 3
	lines := 0
	for _, para := range strings.Split(s, "\n") {
		lines++
		used := 0.0
		for _, r := range para {
			w := 1.0
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianAmbiguous:
				w = 2
			}
			if used+w > room {
				lines++
				used = 0
			}
			used += w
		}
	}
	return float64(18 * lines)
}

func (t *templateWriter) basic() error {
	f := t.f
	sh := SheetBasic
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	hints := map[string]string{
		LabelCode:        "由主办单位分配；没有可不填",
		LabelName:        "必填，填写单位全称",
		LabelRegion:      "如：郑州市、郑州市金水区",
		LabelKind:        "可从下拉列表选择，也可直接填写",
		LabelRecommender: "如：郑州市人民政府",
		LabelContact:     "",
		LabelPhone:       "",
		LabelTitle:       "一句话概括，如：郑州市高位推进“五大工程” 开创义务教育公平优质新局面",
		LabelSummary:     "概述主要做法和成效，建议 300 字以内",
	}
	w := newCellWriter(f, sh)
	for i, l := range basicLabels {
		r := i + 1
		style := t.st.label
		if l == LabelName {
			style = t.st.required
		}
		w.str(cellName(1, r), l, style)
		switch l {
		case LabelCode, LabelPhone:
			w.style(cellName(2, r), t.st.inputText)
		case LabelTitle, LabelSummary:
			w.style(cellName(2, r), t.st.inputTop)
		default:
			w.style(cellName(2, r), t.st.input)
		}
		w.str(cellName(3, r), hints[l], t.st.hint)
		_ = f.SetRowHeight(sh, r, 24)
	}
	_ = f.SetRowHeight(sh, len(basicLabels), 150)
	_ = f.SetRowHeight(sh, len(basicLabels)-1, 36)
	_ = f.SetColWidth(sh, "A", "A", 14)
	_ = f.SetColWidth(sh, "B", "B", 64)
	_ = f.SetColWidth(sh, "C", "C", 40)

	kinds := append([]string{}, DefaultKinds...)
	seen := map[string]bool{}
	for _, k := range kinds {
		seen[k] = true
	}
	for _, u := range t.b.Units {
		if k := strings.TrimSpace(u.Kind); k != "" && !seen[k] && !strings.Contains(k, ",") {
			seen[k] = true
			kinds = append(kinds, k)
		}
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = cellName(2, 4)
	if err := dv.SetDropList(kinds); err != nil {
		if err := dv.SetDropList(DefaultKinds); err != nil {
			return err
		}
	}
	dv.SetError(excelize.DataValidationErrorStyleInformation, "单位类型", "不在列表中的类型也可以填写。")
	dv.SetInput("单位类型", "可从下拉列表选择，也可直接填写。")
	if err := f.AddDataValidation(sh, dv); err != nil {
		return err
	}
	for _, c := range []struct {
		row   int
		limit int
		title string
	}{
		{2, MaxFieldChars, "单位名称（必填）"},
		{8, MaxHeadingChars, "事迹标题"},
		{9, MaxSummaryChars, "事迹简介"},
	} {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = cellName(2, c.row)
		if err := dv.SetRange(0, c.limit, excelize.DataValidationTypeTextLength, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, c.title, fmt.Sprintf("不能超过 %d 字。", c.limit))
		dv.SetInput(c.title, hints[basicLabels[c.row-1]])
		if err := f.AddDataValidation(sh, dv); err != nil {
			return err
		}
	}
	if w.err != nil {
		return w.err
	}
	return printSetup(f, sh, false, 0)
}

// categoryDropdown adds the 类别 dropdown to sqref.
func (t *templateWriter) categoryDropdown(sh, sqref, prompt string) error {
	if len(t.b.Categories) == 0 {
		return nil
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	names := make([]string, len(t.b.Categories))
	for i, c := range t.b.Categories {
		names[i] = c.Name
	}
	if err := dv.SetDropList(names); err != nil || strings.ContainsAny(strings.Join(names, ""), ",\"") {
		dv.SetSqrefDropList(t.categoryList)
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, "类别", "请从下拉列表中选择本次评选的类别。")
	dv.SetInput("类别", prompt)
	return t.f.AddDataValidation(sh, dv)
}

func (t *templateWriter) achievements() error {
	f := t.f
	sh := SheetAchievements
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	w := newCellWriter(f, sh)
	for i, h := range []string{HeaderCategory, HeaderHeading, HeaderBody} {
		w.str(cellName(i+1, 1), h, t.st.header)
	}
	last := 1 + templateSectionRows
	styled := 1 + len(t.b.Categories) + templateSpareRows
	w.styleRange("A2", cellName(3, styled), t.st.inputTop)
	for i, c := range t.b.Categories {
		r := i + 2
		w.str(cellName(1, r), c.Name, t.st.inputTop)
		_ = f.SetRowHeight(sh, r, 160)
	}
	_ = f.SetColWidth(sh, "A", "A", 16)
	_ = f.SetColWidth(sh, "B", "B", 34)
	_ = f.SetColWidth(sh, "C", "C", 100)
	_ = f.SetPanes(sh, frozenRows(1))
	if err := t.categoryDropdown(sh, fmt.Sprintf("A2:A%d", last), "同一类别有多节内容时，在空行中选择同一类别继续填写。"); err != nil {
		return err
	}
	for _, c := range []struct {
		col          string
		limit        int
		title, input string
	}{
		{"B", MaxHeadingChars, "标题", "本节标题，如：坚持“增学位、补短板”，实施优化扩充工程"},
		{"C", MaxBodyChars, "正文", fmt.Sprintf("分段请在单元格内按 Alt+Enter 换行。每格不超过 %d 字，更长的内容请分成同一类别的几行。", MaxBodyChars)},
	} {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s2:%s%d", c.col, c.col, last)
		if err := dv.SetRange(0, c.limit, excelize.DataValidationTypeTextLength, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, c.title, fmt.Sprintf("不能超过 %d 字。", c.limit))
		dv.SetInput(c.title, c.input)
		if err := f.AddDataValidation(sh, dv); err != nil {
			return err
		}
	}
	if w.err != nil {
		return w.err
	}
	return printSetup(f, sh, true, 1)
}

func (t *templateWriter) indicators() error {
	f := t.f
	sh := SheetIndicators
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	w := newCellWriter(f, sh)
	for i, h := range []string{HeaderCategory, HeaderIndicator, HeaderUnit, HeaderValue, HeaderNote} {
		w.str(cellName(i+1, 1), h, t.st.header)
	}
	r := 1
	for _, c := range t.b.Categories {
		for _, ind := range c.Indicators {
			r++
			w.str(cellName(1, r), c.Name, t.st.fixed)
			w.str(cellName(2, r), ind.Name, t.st.fixed)
			w.str(cellName(3, r), ind.Unit, t.st.fixedCenter)
			w.style(cellName(4, r), t.st.input)
			w.style(cellName(5, r), t.st.inputWrap)
			_ = f.SetRowHeight(sh, r, 22)
		}
	}
	_ = f.SetColWidth(sh, "A", "A", 16)
	_ = f.SetColWidth(sh, "B", "B", 24)
	_ = f.SetColWidth(sh, "C", "C", 10)
	_ = f.SetColWidth(sh, "D", "D", 16)
	_ = f.SetColWidth(sh, "E", "E", 48)
	_ = f.SetPanes(sh, frozenRows(1))
	if r > 1 {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("D2:D%d", r)
		if err := dv.SetRange(-maxNumber, maxNumber, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleInformation, "数值", "数值应为确切数字（可写作 27.6万、1,200、6.66%）；约数和文字说明请写在“说明”列。")
		dv.SetInput("数值", "按本行计量单位填写确切数字，如 276000、27.6万、6.66%；约数写在“说明”列。")
		if err := f.AddDataValidation(sh, dv); err != nil {
			return err
		}
		dv = excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("E2:E%d", r)
		if err := dv.SetRange(0, MaxNoteChars, excelize.DataValidationTypeTextLength, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "说明", fmt.Sprintf("不能超过 %d 字。", MaxNoteChars))
		dv.SetInput("说明", "数据口径、统计时间、约数等说明。")
		if err := f.AddDataValidation(sh, dv); err != nil {
			return err
		}
	}
	if w.err != nil {
		return w.err
	}
	return printSetup(f, sh, false, 1)
}

func (t *templateWriter) photos() error {
	f := t.f
	sh := SheetPhotos
	if _, err := f.NewSheet(sh); err != nil {
		return err
	}
	w := newCellWriter(f, sh)
	for i, h := range []string{HeaderNumber, HeaderCategory, HeaderCaption, "图片（放在本列）"} {
		w.str(cellName(i+1, 1), h, t.st.header)
	}
	last := 1 + templatePhotoRows
	for r := 2; r <= last; r++ {
		w.str(cellName(1, r), strconv.Itoa(r-1), t.st.fixedCenter)
		w.style(cellName(2, r), t.st.inputTop)
		w.style(cellName(3, r), t.st.inputTop)
		w.style(cellName(4, r), t.st.photo)
		_ = f.SetRowHeight(sh, r, 110)
	}
	_ = f.SetColWidth(sh, "A", "A", 6)
	_ = f.SetColWidth(sh, "B", "B", 16)
	_ = f.SetColWidth(sh, "C", "C", 40)
	_ = f.SetColWidth(sh, "D", "D", 34)
	_ = f.SetPanes(sh, frozenRows(1))
	if err := t.categoryDropdown(sh, fmt.Sprintf("B2:B%d", last+200), "图片所属类别，可不选。"); err != nil {
		return err
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = fmt.Sprintf("C2:C%d", last+200)
	if err := dv.SetRange(0, MaxNoteChars, excelize.DataValidationTypeTextLength, excelize.DataValidationOperatorBetween); err != nil {
		return err
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, "图片说明", fmt.Sprintf("不能超过 %d 字。", MaxNoteChars))
	dv.SetInput("图片说明", "写明图片内容；图片放在本行 D 列，每行一张。")
	if err := f.AddDataValidation(sh, dv); err != nil {
		return err
	}
	if w.err != nil {
		return w.err
	}
	return printSetup(f, sh, false, 1)
}

func frozenRows(n int) *excelize.Panes {
	return &excelize.Panes{Freeze: true, YSplit: n, TopLeftCell: cellName(1, n+1), ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: cellName(1, n+1), ActiveCell: cellName(1, n+1), Pane: "bottomLeft"}}}
}

func cellName(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col, row)
	return n
}

// setDocProps sets the document properties from the campaign, with its date
// as creation and modification date so the same campaign gives the same
// workbook.
func setDocProps(f *excelize.File, b *dossier.Book, what string) error {
	date := b.Campaign.DateTime()
	stamp := "2000-01-01T00:00:00Z"
	if !date.IsZero() {
		stamp = date.UTC().Format("2006-01-02T15:04:05Z")
	}
	return f.SetDocProps(&excelize.DocProperties{
		Title:          strings.TrimSpace(b.Campaign.Title + " " + what),
		Creator:        "Dossier",
		LastModifiedBy: "Dossier",
		Created:        stamp,
		Modified:       stamp,
		Language:       "zh-CN",
	})
}

// cellWriter writes cells of one sheet, keeping the first error.
type cellWriter struct {
	f     *excelize.File
	sheet string
	err   error
}

func newCellWriter(f *excelize.File, sheet string) *cellWriter {
	return &cellWriter{f: f, sheet: sheet}
}

// str writes s as a string cell: never a formula, whatever it starts with.
func (w *cellWriter) str(cell, s string, style int) {
	if w.err != nil {
		return
	}
	if w.err = w.f.SetCellStr(w.sheet, cell, escapeX(cleanText(s))); w.err == nil && style != 0 {
		w.err = w.f.SetCellStyle(w.sheet, cell, cell, style)
	}
}

func (w *cellWriter) num(cell string, v float64, style int) {
	if w.err != nil {
		return
	}
	if w.err = w.f.SetCellFloat(w.sheet, cell, v, -1, 64); w.err == nil && style != 0 {
		w.err = w.f.SetCellStyle(w.sheet, cell, cell, style)
	}
}

func (w *cellWriter) style(cell string, style int) {
	w.styleRange(cell, cell, style)
}

func (w *cellWriter) styleRange(from, to string, style int) {
	if w.err == nil {
		w.err = w.f.SetCellStyle(w.sheet, from, to, style)
	}
}
