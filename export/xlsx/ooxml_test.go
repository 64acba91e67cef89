package xlsx

import (
	"reflect"
	"strings"
	"testing"

	"github.com/dossier-app/dossier/dossier"
)

// handWorkbook is a submission written by hand the way other programs
// write them: absolute relationship targets, sheets in another order,
// labels in another order and with a colon or an asterisk, a title row
// above a header with columns in another order, cells without r
// attributes, inline strings, rich text with phonetic runs and white space
// between elements, _xHHHH_ escapes, no styles part.
func handWorkbook(t testing.TB) []byte {
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	is := func(ref, s string) string { return `<c r="` + ref + `" t="inlineStr"><is><t>` + s + `</t></is></c>` }
	sst := func(ref string, i int) string {
		return `<c r="` + ref + `" t="s"><v>` + string(rune('0'+i)) + `</v></c>`
	}
	files := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
			<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0"?><workbook ` + ns + `><sheets>
			<sheet name="图片" sheetId="4" r:id="rId4"/><sheet name="事迹材料" sheetId="2" r:id="rId2"/>
			<sheet name="基本信息" sheetId="1" r:id="rId1"/><sheet name="量化指标" sheetId="3" r:id="rId3"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
			<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/a.xml"/>
			<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/b.xml"/>
			<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/c.xml"/>
			<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="./worksheets/d.xml"/>
			<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/></Relationships>`,
		"xl/strings.xml": `<?xml version="1.0"?><sst ` + ns + `>
			<si><t>事迹简介</t></si>
			<si>
				<r><rPr><b/></rPr><t xml:space="preserve">郑州市</t></r>
				<r><t>教育局</t></r>
				<rPh sb="0" eb="3"><t>ていしゅう</t></rPh>
			</si>
			<si><t>第一段_x000D_
第二段_x005F_x0041_</t></si>
			</sst>`,
		"xl/worksheets/a.xml": `<?xml version="1.0"?><worksheet ` + ns + `><sheetData>
			<row r="2">` + sst("A2", 0) + is("B2", "简介一行。") + `</row>
			<row r="4">` + is("A4", "单位名称：") + sst("B4", 1) + `</row>
			<row r="5">` + is("A5", "*申报编号") + is("B5", " ＨＮ２０２２－００７ ") + `</row>
			<row r="6">` + is("A6", "联系电话") + `<c r="B6"><v>1.38E+10</v></c></row>
			<row r="7">` + is("A7", "备用") + is("B7", "不读") + `</row>
			</sheetData></worksheet>`,
		"xl/worksheets/b.xml": `<?xml version="1.0"?><worksheet ` + ns + `><sheetData>
			<row r="1">` + is("A1", "事迹材料（请按类别填写）") + `</row>
			<row r="3"><c t="inlineStr"><is><t>正文</t></is></c><c t="inlineStr"><is><t>类别</t></is></c><c t="inlineStr"><is><t>标 题</t></is></c></row>
			<row r="4">` + sst("A4", 2) + is("B4", "优化扩充工程") + is("C4", "第一节") + `</row>
			</sheetData></worksheet>`,
		"xl/worksheets/c.xml": `<?xml version="1.0"?><worksheet ` + ns + `><sheetData>
			<row r="1">` + is("A1", "类别") + is("B1", "指标") + is("C1", "计量单位") + is("D1", "备注") + is("E1", "数值") + is("F1", "说明") + `</row>
			<row r="2">` + is("A2", "优化扩充工程") + is("B2", "新增学位") + is("C2", "万个") + is("E2", "27.6") + `</row>
			<row r="3">` + is("B3", "资助金额") + is("C3", "亿元") + `<c r="E3"><v>0.5</v></c>` + is("F3", "无类别，按指标名") + `</row>
			</sheetData></worksheet>`,
		"xl/worksheets/d.xml": `<?xml version="1.0"?><worksheet ` + ns + `><sheetData>
			<row r="1">` + is("A1", "序号") + is("B1", "类别") + is("C1", "图片说明") + `</row>
			</sheetData></worksheet>`,
	}
	return mustZip(t, files)
}

func TestReadHandWrittenWorkbook(t *testing.T) {
	b := testBook()
	sub, err := readBytes("hand.xlsx", handWorkbook(t), b)
	if err != nil {
		t.Fatal(err)
	}
	u := sub.Unit
	if u.Name != "郑州市教育局" || u.Code != "HN2022-007" || u.Phone != "13800000000" || u.Summary != "简介一行。" {
		t.Errorf("basic: name %q code %q phone %q summary %q", u.Name, u.Code, u.Phone, u.Summary)
	}
	want := []dossier.Achievement{{CategoryID: "c1", Heading: "第一节", Body: "第一段\n第二段_x0041_"}}
	if !reflect.DeepEqual(u.Achievements, want) {
		t.Errorf("achievements %q", u.Achievements)
	}
	wantValues := []dossier.IndicatorValue{{IndicatorID: "c1-i1", Value: 276000}, {IndicatorID: "c5-i1", Value: 5000, Note: "无类别，按指标名"}}
	if !reflect.DeepEqual(u.Values, wantValues) {
		t.Errorf("values %+v, want %+v (27.6 万个 is 276000 个; 0.5 亿元 is 5000 万元)", u.Values, wantValues)
	}
}

func TestUnitColumnChanged(t *testing.T) {
	b := testBook()
	data := replaceInPart(t, handWorkbook(t), "xl/worksheets/c.xml", `<t>亿元</t>`, `<t>元</t>`)
	sub, err := readBytes("hand.xlsx", data, b)
	if err != nil {
		t.Fatal(err)
	}
	if v := sub.Unit.Values[1].Value; v != 0.00005 {
		t.Errorf("0.5 元 in 万元 = %v", v)
	}
	data = replaceInPart(t, handWorkbook(t), "xl/worksheets/c.xml", `<t>亿元</t>`, `<t>所</t>`)
	_, err = readBytes("hand.xlsx", data, b)
	if err == nil || !strings.Contains(err.Error(), "单元格 C3：计量单位被改成了“所”，与本指标规定的“万元”不一致") {
		t.Errorf("error %v", err)
	}
}

func TestSanitize(t *testing.T) {
	clean, bad := sanitize([]byte("ab\xffc\x01d\uFFFEe"))
	if string(clean) != "ab?c?d???e" || !reflect.DeepEqual(bad, []int{2, 4, 6}) {
		t.Errorf("sanitize = %q %v", clean, bad)
	}
	if clean, bad := sanitize([]byte("正常\t\r\n")); string(clean) != "正常\t\r\n" || bad != nil {
		t.Errorf("valid text changed: %q %v", clean, bad)
	}
	if got := unescapeX("a_x000D_b_x005F_x0041_c_xZZZZ_"); got != "a\rb_x0041_c_xZZZZ_" {
		t.Errorf("unescapeX = %q", got)
	}
}
