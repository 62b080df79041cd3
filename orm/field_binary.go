package orm

import (
	"encoding/hex"
	"fmt"
)

// binaryKind serves Binary (and Image) fields; the cache holds []byte. A
// field with Attachment keeps its value in an ir.attachment row and has no
// column (attachment.go); with Attachment(false) it is a bytea column.
type binaryKind struct{}

func (binaryKind) sqlType(f *Field) string {
	if f.inAttachment() {
		return ""
	}
	return "bytea"
}
func (binaryKind) empty(*Field) any            { return nil }
func (binaryKind) fromDB(_ *Field, v any) any  { return v }
func (binaryKind) text(_ *Field, v any) string { return `\x` + hex.EncodeToString(v.([]byte)) }

// convert accepts bytes or a string; an empty value is no value, as
// Odoo's falsy b"".
func (binaryKind) convert(_ *Field, v any) (any, error) {
	switch x := v.(type) {
	case []byte:
		if len(x) == 0 {
			return nil, nil
		}
		return append([]byte(nil), x...), nil
	case string:
		if x == "" {
			return nil, nil
		}
		return []byte(x), nil
	}
	return nil, fmt.Errorf("expected bytes or a string, got %T", v)
}

// process resizes and checks images (field_image.go).
func (binaryKind) process(f *Field, v any) (any, error) {
	if !f.IsImage {
		return v, nil
	}
	return f.processImage(v.([]byte))
}

// Attachment sets whether a Binary keeps its value in an ir.attachment row
// (true, Odoo's default) or in a bytea column of the model's table
// (false). Computed binaries always use a column when stored.
func (d *FieldDef) Attachment(b bool) *FieldDef {
	return d.set(func(f *Field) { f.Attachment = b })
}

// inAttachment reports whether the field's value lives in ir.attachment:
// a stored, non-computed Binary with Attachment set.
func (f *Field) inAttachment() bool {
	return f.Type == TypeBinary && f.Attachment && f.Store && !f.IsComputed()
}
