package store

import (
	"context"
	"fmt"
)

// Check runs the container's own integrity checks (for a file: SQLite's
// integrity and foreign-key checks and the format version) and the
// campaign's consistency rules. It returns one Chinese line per problem
// found.
func (s *Store) Check(ctx context.Context) (_ []string, err error) {
	defer s.wrap(&err, "检查评选活动")
	var problems []string
	if in, ok := s.b.(Integrity); ok {
		p, damaged, err := in.Integrity(ctx)
		if err != nil {
			return nil, err
		}
		if damaged {
			return p, nil
		}
		problems = append(problems, p...)
	}
	checks := []struct{ q, msg string }{
		{`SELECT count(*) FROM campaign`, ""},
		{`SELECT count(*) FROM score s JOIN category c ON c.id = s.category_id WHERE s.tenths > c.max_tenths`, "%d 个评分超过类别满分"},
		{`SELECT count(*) FROM photo p LEFT JOIN image m ON m.hash = p.image_hash WHERE m.hash IS NULL`, "%d 张图片缺少图像数据"},
		{`SELECT count(*) FROM image WHERE length(data) = 0`, "%d 个图像数据为空"},
		{`SELECT count(*) FROM unit WHERE trim(code) = '' OR trim(name) = ''`, "%d 个单位缺少申报编号或名称"},
		{`SELECT count(*) FROM (SELECT name FROM unit GROUP BY name HAVING count(*) > 1) AS dup`, "%d 个单位名称重复"},
		{`SELECT count(*) FROM revision r JOIN unit u ON u.id = r.unit_id WHERE r.revision >= u.revision`, "%d 个历史版本号不早于当前版本"},
	}
	for i, c := range checks {
		var k int
		if err := s.r.QueryRowContext(ctx, c.q).Scan(&k); err != nil {
			return nil, err
		}
		if i == 0 {
			if k != 1 {
				problems = append(problems, fmt.Sprintf("评选活动记录应为 1 条，实有 %d 条", k))
			}
			continue
		}
		if k > 0 {
			problems = append(problems, fmt.Sprintf(c.msg, k))
		}
	}
	return problems, nil
}
