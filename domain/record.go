package domain

// Record is what Eval reads: one record of a model, seen through its field
// values. The ORM's FilteredDomain and the tests implement it.
type Record interface {
	// ID returns the record's database id.
	ID() int64
	// DisplayName returns the name Odoo's name_search matches, used when a
	// relational field is compared with a string.
	DisplayName() string
	// Value returns the value of one field (a plain name), or of a number
	// property "f.p" of a date or datetime field f (Odoo's read_group
	// number granularities: "day.month_number"), an integer Value whose
	// Scalar is nil when f is empty. An unknown field or property is an
	// error, which Eval returns wrapped.
	Value(field string) (Value, error)
}

// NameSearcher is a Record whose model searches names in fields (Odoo's
// _rec_name and _rec_names_search) rather than by display name. When a
// relational field is compared with a string, Eval evaluates NameDomain on
// each related record that implements it, as Search does.
type NameSearcher interface {
	Record
	// NameDomain returns the domain that stands for "name op value" on
	// the record's model (op is positive), or nil to compare DisplayName.
	NameDomain(op Operator, value any) Domain
}

// Kind is the type of a field, as far as domain evaluation cares.
type Kind int

// The field kinds of Odoo.
const (
	KindOther Kind = iota
	KindBoolean
	KindInteger
	KindFloat
	KindMonetary
	KindChar
	KindText
	KindHTML
	KindSelection
	KindDate
	KindDatetime
	KindBinary
	KindMany2one
	KindOne2many
	KindMany2many
	KindID
	KindReference
)

var kindNames = [...]string{"other", "boolean", "integer", "float", "monetary", "char", "text",
	"html", "selection", "date", "datetime", "binary", "many2one", "one2many", "many2many",
	"id", "reference"}

// String returns the Odoo name of the kind ("many2one"), or "other".
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return "other"
	}
	return kindNames[k]
}

// Relational reports whether values of k are records (many2one, one2many,
// many2many).
func (k Kind) Relational() bool {
	return k == KindMany2one || k == KindOne2many || k == KindMany2many
}

// Value is the value of one field of a Record. Scalar kinds use Scalar: nil
// for NULL, else a bool, int64, float64, string or time.Time (other Go
// integer kinds are accepted). Relational kinds use Records: the related
// records, at most one for a many2one, none when the field is empty.
type Value struct {
	Kind    Kind
	Scalar  any
	Records []Record
}
