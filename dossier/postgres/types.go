package postgres

import (
	"encoding/binary"
	"strconv"

	"github.com/jackc/pgx/v5/pgtype"
)

// The file keeps yes/no as the integers 0 and 1 (conflict_override.conflict,
// decision.recommended) and the store passes Go bools for them, which
// SQLite converts; so does this codec for the server's bigint columns.
type boolInt8Codec struct{ pgtype.Int8Codec }

// PlanEncode encodes a bool as 0 or 1 and anything else as int8 does.
func (c boolInt8Codec) PlanEncode(m *pgtype.Map, oid uint32, format int16, value any) pgtype.EncodePlan {
	if _, ok := value.(bool); ok {
		return boolAsInt8{format}
	}
	return c.Int8Codec.PlanEncode(m, oid, format, value)
}

type boolAsInt8 struct{ format int16 }

func (p boolAsInt8) Encode(value any, buf []byte) ([]byte, error) {
	var n int64
	if value.(bool) {
		n = 1
	}
	if p.format == pgtype.BinaryFormatCode {
		return binary.BigEndian.AppendUint64(buf, uint64(n)), nil
	}
	return strconv.AppendInt(buf, n, 10), nil
}

func registerTypes(m *pgtype.Map) {
	m.RegisterType(&pgtype.Type{Name: "int8", OID: pgtype.Int8OID, Codec: boolInt8Codec{}})
}
