package orm

import (
	"fmt"
	"strconv"

	"odsh/domain"
)

// kind is what a field type knows about its values: the SQL column type,
// how an input value becomes a cache value, how a database value does, and
// what an empty value reads as. The cache holds nil for NULL.
type kind interface {
	sqlType(f *Field) string              // column type, "" when the type has no column
	convert(f *Field, v any) (any, error) // user input → cache value
	fromDB(f *Field, v any) any           // value scanned by pgx → cache value
	empty(f *Field) any                   // what Get returns for NULL
	text(f *Field, v any) string          // non-nil cache value → SQL text literal (bound, never spliced)
}

func kindOf(t FieldType) kind {
	switch t {
	case TypeBoolean:
		return booleanKind{}
	case TypeInteger:
		return integerKind{}
	case TypeFloat, TypeMonetary:
		return floatKind{}
	case TypeChar, TypeText:
		return textKind{}
	case TypeHTML:
		return htmlKind{}
	case TypeSelection:
		return selectionKind{}
	case TypeDate:
		return dateKind{}
	case TypeDatetime:
		return datetimeKind{}
	case TypeBinary:
		return binaryKind{}
	case TypeMany2one:
		return many2oneKind{}
	case TypeOne2many, TypeMany2many:
		return x2manyKind{}
	case TypeReference:
		return referenceKind{}
	case TypeMany2oneReference:
		return many2oneReferenceKind{}
	}
	panic(fmt.Sprintf("orm: no kind for field type %v", t))
}

// processor is implemented by kinds that transform the values written
// (create, write, compute) beyond converting them: Html sanitizes, Image
// resizes. Values compared in domains are only converted.
type processor interface {
	process(f *Field, v any) (any, error) // v is a non-nil cache value
}

// getter is implemented by kinds whose Get is not the cache value (the
// pseudo-relational fields return records); reader likewise for Read.
type getter interface {
	get(r Recordset, f *Field) any
}

type reader interface {
	read(r Recordset, f *Field) any
}

// conditioner is implemented by kinds that translate some conditions on
// their fields themselves (Odoo's field.condition_to_sql); ok false leaves
// the condition to the generic translation.
type conditioner interface {
	condition(r Recordset, alias string, f *Field, c domain.Condition) (s SQL, ok bool)
}

// convertValue converts v for field f, and processes it when the kind
// does, panicking with a ValidationError that names the model, field and
// value.
func (f *Field) convertValue(v any) any {
	out, err := f.convert(v)
	if p, ok := f.kind.(processor); ok && err == nil && out != nil {
		out, err = p.process(f, out)
	}
	if err != nil {
		panic(validationErr(f.Model.Name, f.Name, v, "%s", err.Error()))
	}
	return out
}

// convert converts an input value; False and None are the type's empty
// value (NULL, or false/0 for booleans and numbers), so kinds only see
// real values.
func (f *Field) convert(v any) (any, error) {
	if (v == nil || v == false) && !f.Type.X2many() {
		return f.kind.empty(f), nil
	}
	return f.kind.convert(f, v)
}

// toText formats a non-nil cache value as SQL text, nil as a NULL.
func (f *Field) toText(v any) *string {
	if v == nil {
		return nil
	}
	if f.jsonKeyed() {
		s := f.encodeMap(v)
		return &s
	}
	s := f.kind.text(f, v)
	return &s
}

type booleanKind struct{}

func (booleanKind) sqlType(*Field) string { return "boolean" }
func (booleanKind) empty(*Field) any      { return false }
func (booleanKind) fromDB(_ *Field, v any) any {
	return v
}
func (booleanKind) text(_ *Field, v any) string { return strconv.FormatBool(v.(bool)) }
func (booleanKind) convert(_ *Field, v any) (any, error) {
	switch x := v.(type) {
	case nil:
		return false, nil
	case bool:
		return x, nil
	}
	return nil, fmt.Errorf("expected a boolean, got %T", v)
}

type integerKind struct{}

func (integerKind) sqlType(*Field) string { return "int4" }
func (integerKind) empty(*Field) any      { return int64(0) }
func (integerKind) fromDB(_ *Field, v any) any {
	if v == nil {
		return nil
	}
	n, _ := toInt64(v)
	return n
}
func (integerKind) text(_ *Field, v any) string { return strconv.FormatInt(v.(int64), 10) }

// convert: Odoo 18 stores 0 for False/None.
func (integerKind) convert(_ *Field, v any) (any, error) {
	if v == nil || v == false {
		return int64(0), nil
	}
	if n, ok := toInt64(v); ok {
		if n > 1<<31-1 || n < -(1<<31) {
			return nil, fmt.Errorf("integer out of range (int4)")
		}
		return n, nil
	}
	if x, ok := v.(float64); ok && x == float64(int64(x)) {
		return int64(x), nil
	}
	return nil, fmt.Errorf("expected an integer, got %T", v)
}

// typeDefaults sets the attributes whose default depends on the type, as
// Odoo: binaries are kept in attachments, Html is sanitized, images are
// checked against the resolution limit.
func (f *Field) typeDefaults() {
	f.Attachment = f.Type == TypeBinary
	f.Sanitize = f.Type == TypeHTML
}
