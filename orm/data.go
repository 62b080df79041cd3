package orm

// Data files and external ids.
//
// A CSV data file names its model (file name or DataFile.Model); its first
// column "id" is the external id of each row ("name" gets the addon's
// prefix: "base.be"), other columns are field names; "field:id" columns
// hold external ids (comma-separated for a many2many). Rows are created in
// batches, split only where a row refers to one created earlier in the same
// file; rows whose external id exists are updated (unless noupdate).

import (
	"encoding/csv"
	"fmt"
	"path"
	"strconv"
	"strings"
)

type xmlRef struct {
	model string
	id    int64
}

// Ref returns the record of an external id ("base.main_company"); an
// unknown one panics with a ValidationError.
//
// Example:
//
//	env.Ref("base.main_company").Str("name")
func (e *Env) Ref(xmlid string) Recordset {
	ref, ok := e.lookupXMLID(xmlid)
	if !ok {
		panic(&ValidationError{ErrorInfo{Model: "ir.model.data", Value: xmlid, HasValue: true, Msg: "external id not found"}})
	}
	return e.Model(ref.model).Browse(ref.id)
}

// RefOK is Ref returning false instead of panicking.
func (e *Env) RefOK(xmlid string) (Recordset, bool) {
	ref, ok := e.lookupXMLID(xmlid)
	if !ok {
		return Recordset{}, false
	}
	return e.Model(ref.model).Browse(ref.id), true
}

func (e *Env) lookupXMLID(xmlid string) (xmlRef, bool) {
	tx := e.tx
	if ref, ok := tx.xmlids[xmlid]; ok {
		return ref, ref.id != 0
	}
	module, name, found := strings.Cut(xmlid, ".")
	if !found || !e.HasModel("ir.model.data") {
		return xmlRef{}, false
	}
	if data := tx.reg.models["ir.model.data"]; data.HasTable() {
		tx.flushModel(data) // an external id written but not sent yet
	}
	var ref xmlRef
	tx.query("SELECT model, res_id FROM ir_model_data WHERE module = $1 AND name = $2", []any{module, name},
		func(rows pgxRows) error { return rows.Scan(&ref.model, &ref.id) })
	tx.xmlids[xmlid] = ref
	return ref, ref.id != 0
}

// SetXMLID registers (or moves) an external id for a record.
func (e *Env) SetXMLID(xmlid string, rec Recordset, noupdate bool) {
	module, name, found := strings.Cut(xmlid, ".")
	if !found {
		panic(&ValidationError{ErrorInfo{Model: "ir.model.data", Value: xmlid, HasValue: true, Msg: "an external id is module.name"}})
	}
	e.tx.flushAll()
	e.tx.exec(`INSERT INTO ir_model_data (module, name, model, res_id, noupdate) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (module, name) DO UPDATE SET model = EXCLUDED.model, res_id = EXCLUDED.res_id`,
		module, name, rec.ModelName(), rec.EnsureOne().ID(), noupdate)
	e.tx.xmlids[xmlid] = xmlRef{model: rec.ModelName(), id: rec.ID()}
}

// LoadCSV loads one data file of an addon.
func (e *Env) LoadCSV(a *Addon, d DataFile) {
	model := d.Model
	if model == "" {
		model = strings.TrimSuffix(path.Base(d.Path), ".csv")
	}
	f, err := a.FS.Open(d.Path)
	if err != nil {
		panic(fmt.Errorf("orm: addon %s: %w", a.Name, err))
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		panic(&ValidationError{ErrorInfo{Model: model, Msg: fmt.Sprintf("data file %s: %v", d.Path, err)}})
	}
	if len(rows) == 0 {
		return
	}
	l := &loader{env: e.Sudo(), rs: e.Sudo().Model(model), addon: a, file: d, header: rows[0]}
	l.load(rows[1:])
}

type loader struct {
	env     *Env
	rs      Recordset
	addon   *Addon
	file    DataFile
	header  []string
	pending []Values
	pendIDs []string
	known   map[string]int64 // xmlid name (in this addon) → res_id
	noupd   map[string]bool
}

func (l *loader) load(rows [][]string) {
	if len(l.header) == 0 || l.header[0] != "id" {
		panic(l.err(0, "the first column must be \"id\""))
	}
	l.readExisting()
	updates := map[int64]Values{}
	for i, row := range rows {
		xmlid := l.qualify(row[0])
		vals := l.rowValues(i+2, row)
		if id, ok := l.known[xmlid]; ok {
			if !l.noupd[xmlid] && !l.file.NoUpdate {
				updates[id] = vals
			}
			continue
		}
		l.pending = append(l.pending, vals)
		l.pendIDs = append(l.pendIDs, xmlid)
	}
	l.flushPending()
	for _, id := range sortedIDs(updates) {
		l.rs.Browse(id).Write(updates[id])
	}
}

func sortedIDs(m map[int64]Values) []int64 {
	ids := make([]int64, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && ids[j] < ids[j-1]; j-- {
			ids[j], ids[j-1] = ids[j-1], ids[j]
		}
	}
	return ids
}

func (l *loader) err(line int, format string, args ...any) *ValidationError {
	return &ValidationError{ErrorInfo{Model: l.rs.ModelName(),
		Msg: fmt.Sprintf("data file %s/%s line %d: %s", l.addon.Name, l.file.Path, line, fmt.Sprintf(format, args...))}}
}

func (l *loader) qualify(id string) string {
	if strings.Contains(id, ".") {
		return id
	}
	return l.addon.Name + "." + id
}

// readExisting loads the external ids this model already has.
func (l *loader) readExisting() {
	l.known, l.noupd = map[string]int64{}, map[string]bool{}
	l.env.tx.flushAll()
	l.env.tx.query("SELECT module, name, res_id, noupdate FROM ir_model_data WHERE model = $1", []any{l.rs.ModelName()},
		func(rows pgxRows) error {
			var module, name string
			var id int64
			var noupdate *bool
			if err := rows.Scan(&module, &name, &id, &noupdate); err != nil {
				return err
			}
			l.known[module+"."+name] = id
			l.noupd[module+"."+name] = noupdate != nil && *noupdate
			return nil
		})
}

// rowValues converts one CSV row into Values.
func (l *loader) rowValues(line int, row []string) Values {
	if len(row) != len(l.header) {
		panic(l.err(line, "%d cells, the header has %d", len(row), len(l.header)))
	}
	vals := Values{}
	for j := 1; j < len(row); j++ {
		name, byXMLID := strings.CutSuffix(l.header[j], ":id")
		f := l.rs.model.Fields[name]
		if f == nil {
			panic(l.err(line, "unknown field %q", name))
		}
		v, err := l.cell(f, row[j], byXMLID)
		if err != nil {
			panic(l.err(line, "%s: %v", name, err))
		}
		vals[name] = v
	}
	return vals
}

func (l *loader) cell(f *Field, s string, byXMLID bool) (any, error) {
	if byXMLID {
		return l.refCell(f, s)
	}
	if s == "" {
		if f.Type == TypeBoolean {
			return false, nil
		}
		return nil, nil
	}
	switch f.Type {
	case TypeBoolean:
		switch strings.ToLower(s) {
		case "true", "1", "yes":
			return true, nil
		case "false", "0", "no":
			return false, nil
		}
		return nil, fmt.Errorf("not a boolean: %q", s)
	case TypeInteger, TypeMany2one:
		return strconv.ParseInt(s, 10, 64)
	case TypeFloat, TypeMonetary:
		return strconv.ParseFloat(s, 64)
	}
	return s, nil
}

// refCell resolves external ids; one defined earlier in the same file but
// not yet created forces the pending batch to be created first.
func (l *loader) refCell(f *Field, s string) (any, error) {
	if s == "" {
		return nil, nil
	}
	var ids []int64
	for _, part := range strings.Split(s, ",") {
		x := l.qualify(strings.TrimSpace(part))
		if l.isPending(x) {
			l.flushPending()
		}
		ref, ok := l.env.lookupXMLID(x)
		if !ok {
			return nil, fmt.Errorf("external id %q not found", x)
		}
		ids = append(ids, ref.id)
	}
	if f.Type == TypeMany2one {
		if len(ids) != 1 {
			return nil, fmt.Errorf("expected one external id, got %q", s)
		}
		return ids[0], nil
	}
	return []Cmd{Command.Set(ids...)}, nil
}

func (l *loader) isPending(xmlid string) bool {
	for _, p := range l.pendIDs {
		if p == xmlid {
			return true
		}
	}
	return false
}

// flushPending creates the pending rows and their external ids.
func (l *loader) flushPending() {
	if len(l.pending) == 0 {
		return
	}
	recs := l.rs.Create(l.pending...)
	modules := make([]string, len(l.pendIDs))
	names := make([]string, len(l.pendIDs))
	for i, x := range l.pendIDs {
		modules[i], names[i], _ = strings.Cut(x, ".")
		l.known[x] = recs.idList()[i]
		l.env.tx.xmlids[x] = xmlRef{model: l.rs.ModelName(), id: recs.idList()[i]}
	}
	l.env.tx.exec(`INSERT INTO ir_model_data (module, name, model, res_id, noupdate)
		SELECT m, n, $3, r, $4 FROM unnest($1::text[], $2::text[], $5::int8[]) AS v(m, n, r)`,
		modules, names, l.rs.ModelName(), l.file.NoUpdate, recs.idList())
	l.pending, l.pendIDs = nil, nil
}
