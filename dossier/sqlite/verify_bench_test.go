package sqlite

import (
	"context"
	"testing"
)

// BenchmarkVerify replays the score log of 1,000 units × 30 evaluators × 5
// categories (150,000 scores) and compares it with the stored scores
// (goal ≤ 2 s).
func BenchmarkVerify(b *testing.B) {
	path := largeCampaign(b, 1000, 30)
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v, err := s.Verify(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if !v.OK {
			b.Fatal(v.Problem)
		}
	}
}
