package orm

import (
	"fmt"
	"sort"
	"strconv"
)

// many2oneKind serves Many2one fields: an int4 column with a foreign key;
// the cache holds the id (int64), nil when empty.
type many2oneKind struct{}

func (many2oneKind) sqlType(*Field) string { return "int4" }
func (many2oneKind) empty(*Field) any      { return nil }
func (many2oneKind) fromDB(_ *Field, v any) any {
	if v == nil {
		return nil
	}
	n, _ := toInt64(v)
	return n
}
func (many2oneKind) text(_ *Field, v any) string { return strconv.FormatInt(v.(int64), 10) }

// convert accepts an id, a record of the comodel (empty: none), nil or false.
func (many2oneKind) convert(f *Field, v any) (any, error) {
	switch x := v.(type) {
	case Recordset:
		if x.model == nil || x.model.Name != f.Comodel {
			return nil, fmt.Errorf("expected a %s record, got %s", f.Comodel, x.String())
		}
		switch len(x.idList()) {
		case 0:
			return nil, nil
		case 1:
			return x.idList()[0], nil
		}
		return nil, fmt.Errorf("expected a single %s record, got %d", f.Comodel, len(x.idList()))
	}
	if id, ok := toInt64(v); ok {
		if id == 0 {
			return nil, nil
		}
		if id < 0 {
			return nil, fmt.Errorf("invalid id %d", id)
		}
		return id, nil
	}
	return nil, fmt.Errorf("expected an id or a %s record, got %T", f.Comodel, v)
}

// x2manyKind serves One2many and Many2many: no column; the cache holds the
// sorted-by-comodel-order ids ([]int64).
type x2manyKind struct{}

func (x2manyKind) sqlType(*Field) string       { return "" }
func (x2manyKind) empty(*Field) any            { return nil }
func (x2manyKind) fromDB(_ *Field, v any) any  { return v }
func (x2manyKind) text(_ *Field, v any) string { return fmt.Sprint(v) }
func (x2manyKind) convert(f *Field, v any) (any, error) {
	cmds, err := f.parseCommands(v)
	if err != nil {
		return nil, err
	}
	return cmds, nil
}

// m2mNames generates a many2many's relation table and columns as Odoo:
// "<table1>_<table2>_rel" with the tables sorted, "<table>_id" columns.
func (f *Field) m2mNames(reg *Registry) error {
	co := reg.models[f.Comodel]
	if co == nil {
		return fmt.Errorf("orm: %s: unknown comodel %q", f, f.Comodel)
	}
	if f.Relation == "" {
		tables := []string{f.Model.Table, co.Table}
		sort.Strings(tables)
		f.Relation = tables[0] + "_" + tables[1] + "_rel"
	}
	if f.Column1 == "" {
		f.Column1 = f.Model.Table + "_id"
	}
	if f.Column2 == "" {
		f.Column2 = co.Table + "_id"
		if f.Column2 == f.Column1 {
			f.Column2 = co.Table + "_id2"
		}
	}
	return nil
}
