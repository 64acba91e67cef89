package dossier

import (
	"fmt"
	"strings"
	"testing"
)

func TestStaleErrorCode(t *testing.T) {
	var err error = &StaleError{What: "单位 2022-0001 郑州市教育局", Current: Unit{Code: "2022-0001"}}
	wrapped := fmt.Errorf("save: %w", err)
	if got := ErrorCode(wrapped); got != ESTALE {
		t.Fatalf("ErrorCode = %q, want %q", got, ESTALE)
	}
	if msg := ErrorMessage(wrapped); !strings.HasPrefix(msg, "单位 2022-0001 郑州市教育局已在别处被修改") || !strings.Contains(msg, "未保存") {
		t.Fatalf("message = %q", msg)
	}
}
