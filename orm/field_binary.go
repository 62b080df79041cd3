package orm

import (
	"encoding/hex"
	"fmt"
)

// binaryKind serves Binary fields stored in a bytea column (Odoo's
// attachment=False); the cache holds []byte.
type binaryKind struct{}

func (binaryKind) sqlType(*Field) string       { return "bytea" }
func (binaryKind) empty(*Field) any            { return nil }
func (binaryKind) fromDB(_ *Field, v any) any  { return v }
func (binaryKind) text(_ *Field, v any) string { return `\x` + hex.EncodeToString(v.([]byte)) }

func (binaryKind) convert(_ *Field, v any) (any, error) {
	switch x := v.(type) {
	case []byte:
		return append([]byte(nil), x...), nil
	case string:
		return []byte(x), nil
	}
	return nil, fmt.Errorf("expected bytes or a string, got %T", v)
}
