package dossier

import (
	"errors"
	"testing"
)

func TestProblemString(t *testing.T) {
	for _, c := range []struct {
		name        string
		p           Problem
		want, place string
	}{
		{"cell", Problem{File: "a.xlsx", Sheet: "量化指标", Cell: "D5", Message: "“约27万”是约数，请填写确切数字，约数等说明写在“说明”列"},
			"文件 a.xlsx，工作表“量化指标”，单元格 D5：“约27万”是约数，请填写确切数字，约数等说明写在“说明”列",
			"工作表“量化指标”，单元格 D5：“约27万”是约数，请填写确切数字，约数等说明写在“说明”列"},
		{"range", Problem{File: "a.xlsx", Sheet: "事迹材料", Cell: "B2:C2", Message: "合并"}, "文件 a.xlsx，工作表“事迹材料”，单元格区域 B2:C2：合并", "工作表“事迹材料”，单元格区域 B2:C2：合并"},
		{"sheet", Problem{File: "a.xlsx", Sheet: "图片", Message: "找不到表头行"}, "文件 a.xlsx，工作表“图片”：找不到表头行", "工作表“图片”：找不到表头行"},
		{"file", Problem{File: "a.xlsx", Message: "文件是空的"}, "文件 a.xlsx：文件是空的", "文件是空的"},
		{"row", Problem{File: "评分表.xlsx", Sheet: "评分", Row: 7, Message: "该行评分已忽略"}, "文件 评分表.xlsx，工作表“评分”，第 7 行：该行评分已忽略", "工作表“评分”，第 7 行：该行评分已忽略"},
		{"no file", Problem{Message: "整份评分表未导入，请改正后重新导入"}, "整份评分表未导入，请改正后重新导入", "整份评分表未导入，请改正后重新导入"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := c.p.String(); got != c.want {
				t.Errorf("String\ngot  %s\nwant %s", got, c.want)
			}
			if got := c.p.Place(); got != c.place {
				t.Errorf("Place\ngot  %s\nwant %s", got, c.place)
			}
		})
	}
	fe := &FileError{File: "a.xlsx", Problems: []Problem{{File: "a.xlsx", Message: "一"}, {File: "a.xlsx", Message: "二"}}}
	if fe.Error() != "文件 a.xlsx：一\n文件 a.xlsx：二" {
		t.Errorf("FileError %q", fe.Error())
	}
	var err error = fe
	if ErrorCode(err) != EINVALID || ErrorMessage(err) != fe.Error() {
		t.Errorf("code %q message %q", ErrorCode(err), ErrorMessage(err))
	}
	var back *FileError
	if !errors.As(err, &back) || back != fe {
		t.Error("errors.As lost the FileError")
	}
}

func TestRowOfCell(t *testing.T) {
	for cell, want := range map[string]int{"A5": 5, "AB123": 123, "": 0, "B": 0, "$C$9": 9} {
		if got := RowOfCell(cell); got != want {
			t.Errorf("RowOfCell(%q) = %d, want %d", cell, got, want)
		}
	}
}
