package dossier

import (
	"strings"
	"time"
	"unicode/utf8"
)

// checkProcedure checks the settings of the official procedure: the
// quota caps and the 公示 (start, length, objection contact). A campaign
// read from a file made before format 9 has NoticeDays 0: it means the
// default, 5.
func (c *Campaign) checkProcedure() error {
	if err := CheckCaps(c); err != nil {
		return err
	}
	if c.NoticeDays == 0 {
		c.NoticeDays = DefaultNoticeDays
	}
	if c.NoticeDays < 1 || c.NoticeDays > 100 {
		return Errorf(EINVALID, "公示期应为 1 到 100 个工作日，当前为 %d", c.NoticeDays)
	}
	c.NoticeStart = strings.TrimSpace(c.NoticeStart)
	if c.NoticeStart != "" {
		if _, err := time.Parse("2006-01-02", c.NoticeStart); err != nil {
			return Errorf(EINVALID, "公示开始日期“%s”无效，应为 YYYY-MM-DD，例如 2026-05-06", c.NoticeStart)
		}
	}
	c.ObjectionContact = strings.TrimSpace(c.ObjectionContact)
	if r, bad := ControlChar(c.ObjectionContact, true); bad {
		return Errorf(EINVALID, "异议受理联系方式中有控制字符（%s），请删除后重新输入", ControlName(r))
	}
	if utf8.RuneCountInString(c.ObjectionContact) > 500 {
		return Errorf(EINVALID, "异议受理联系方式太长（%d 字），最多 500 字", utf8.RuneCountInString(c.ObjectionContact))
	}
	return nil
}

// NoticeLength is the 公示's length in working days: NoticeDays, or the
// default when it is not set (0).
func (c *Campaign) NoticeLength() int {
	if c.NoticeDays <= 0 {
		return DefaultNoticeDays
	}
	return c.NoticeDays
}
