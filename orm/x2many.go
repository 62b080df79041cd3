package orm

import "fmt"

// x2many commands, applied at once (not delayed like column writes).
//
// One2many: the lines are the comodel records whose inverse many2one
// points here, so every command is a write (or create, or unlink) on the
// lines. Many2many: the links are rows of the relation table.

// createX2many applies the commands given to new records: the lines of all
// records are created by one Create on the comodel, and the many2many links
// of all records inserted by one statement.
func (recs Recordset) createX2many(f *Field, per [][]Cmd) {
	if f.Type == TypeMany2many {
		recs.createMany2many(f, per)
		return
	}
	var creates []Values
	rest := make([][]Cmd, len(per))
	for i, cmds := range per {
		for _, c := range cmds {
			if c.Op == CmdCreate {
				vals := copyValues(c.Vals)
				vals[f.InverseName] = recs.idList()[i]
				creates = append(creates, vals)
			} else {
				rest[i] = append(rest[i], c)
			}
		}
	}
	recs.env.Model(f.Comodel).Create(creates...)
	recs.runRest(f, rest)
}

// createMany2many links new records: the commands of each record are
// played on its (initially empty) set of links, created targets are made
// by one Create, and every link by one INSERT.
func (recs Recordset) createMany2many(f *Field, per [][]Cmd) {
	var creates []Values
	links := make([][]int64, len(per)) // ids, or -(k+1) for the k-th created record
	rest := make([][]Cmd, len(per))
	for i, cmds := range per {
		for _, c := range cmds {
			switch c.Op {
			case CmdCreate:
				creates = append(creates, copyValues(c.Vals))
				links[i] = append(links[i], -int64(len(creates)))
			case CmdLink:
				links[i] = append(links[i], c.ID)
			case CmdSet:
				links[i] = append([]int64(nil), c.IDs...)
			case CmdClear:
				links[i] = nil
			case CmdUnlink:
				links[i] = removeID(links[i], c.ID)
			default:
				rest[i] = append(rest[i], c)
			}
		}
	}
	created := recs.env.Model(f.Comodel).Create(creates...)
	var pairs [][2]int64
	for i, ids := range links {
		for _, id := range ids {
			if id < 0 {
				id = created.idList()[-id-1]
			}
			pairs = append(pairs, [2]int64{recs.idList()[i], id})
		}
	}
	recs.linkPairs(f, pairs)
	recs.linkedModified(f, pairs)
	recs.runRest(f, rest)
}

func removeID(ids []int64, id int64) []int64 {
	out := ids[:0:0]
	for _, x := range ids {
		if x != id {
			out = append(out, x)
		}
	}
	return out
}

// runRest applies the commands createX2many did not batch, record by record.
func (recs Recordset) runRest(f *Field, rest [][]Cmd) {
	for i, cmds := range rest {
		if len(cmds) > 0 {
			recs.withIDs(recs.idList()[i:i+1]).writeX2many(f, cmds)
		}
	}
	recs.env.tx.cache.invalidate(f, nil)
}

func copyValues(v Values) Values {
	out := make(Values, len(v)+1)
	for k, x := range v {
		out[k] = x
	}
	return out
}

// writeX2many applies commands to every record of r.
func (r Recordset) writeX2many(f *Field, cmds []Cmd) {
	defer r.x2manyModified(f)()
	for _, c := range cmds {
		if f.Type == TypeOne2many {
			r.one2manyCommand(f, c)
		} else {
			r.many2manyCommand(f, c)
		}
	}
	r.env.tx.cache.invalidate(f, nil)
}

func (r Recordset) one2manyCommand(f *Field, c Cmd) {
	co := r.env.Model(f.Comodel)
	inv := f.InverseName
	switch c.Op {
	case CmdCreate:
		list := make([]Values, len(r.idList()))
		for i, id := range r.idList() {
			list[i] = copyValues(c.Vals)
			list[i][inv] = id
		}
		co.Create(list...)
	case CmdUpdate:
		co.Browse(c.ID).Write(c.Vals)
	case CmdDelete:
		co.Browse(c.ID).Unlink()
	case CmdUnlink:
		r.detach(f, co.Browse(c.ID))
	case CmdLink:
		co.Browse(c.ID).Write(Values{inv: r.idList()[len(r.ids)-1]})
	case CmdClear:
		r.detach(f, r.Get(f.Name).(Recordset))
	case CmdSet:
		keep := idSet(c.IDs)
		var drop []int64
		for _, id := range r.Get(f.Name).(Recordset).idList() {
			if !keep[id] {
				drop = append(drop, id)
			}
		}
		r.detach(f, co.Browse(drop...))
		if len(c.IDs) > 0 {
			co.Browse(c.IDs...).Write(Values{inv: r.idList()[len(r.ids)-1]})
		}
	default:
		panic(validationErr(r.model.Name, f.Name, c, "unknown x2many command"))
	}
}

// detach removes lines from a one2many: deleted when the inverse many2one
// cascades, else their inverse is emptied.
func (r Recordset) detach(f *Field, lines Recordset) {
	if lines.Len() == 0 {
		return
	}
	inv := lines.model.Fields[f.InverseName]
	if inv.Type == TypeMany2one && inv.Ondelete == Cascade {
		lines.Unlink()
		return
	}
	lines.Write(Values{f.InverseName: nil})
}

func (r Recordset) many2manyCommand(f *Field, c Cmd) {
	co := r.env.Model(f.Comodel)
	tx := r.env.tx
	switch c.Op {
	case CmdCreate:
		rec := co.Create(c.Vals)
		r.linkAll(f, rec.idList())
	case CmdUpdate:
		co.Browse(c.ID).Write(c.Vals)
	case CmdDelete:
		co.Browse(c.ID).Unlink()
	case CmdUnlink:
		tx.exec(fmt.Sprintf("DELETE FROM %s WHERE %s = ANY($1) AND %s = $2", quote(f.Relation), quote(f.Column1), quote(f.Column2)), r.idList(), c.ID)
	case CmdLink:
		r.linkAll(f, []int64{c.ID})
	case CmdClear:
		tx.exec(fmt.Sprintf("DELETE FROM %s WHERE %s = ANY($1)", quote(f.Relation), quote(f.Column1)), r.idList())
	case CmdSet:
		tx.exec(fmt.Sprintf("DELETE FROM %s WHERE %s = ANY($1) AND NOT (%s = ANY($2))", quote(f.Relation), quote(f.Column1), quote(f.Column2)), r.idList(), nonNil(c.IDs))
		r.linkAll(f, c.IDs)
	default:
		panic(validationErr(r.model.Name, f.Name, c, "unknown x2many command"))
	}
	tx.wrote = true
	r.invalidateM2mInverse(f)
}

// linkAll links every record of r to every id.
func (r Recordset) linkAll(f *Field, ids []int64) {
	var pairs [][2]int64
	for _, a := range r.idList() {
		for _, b := range ids {
			pairs = append(pairs, [2]int64{a, b})
		}
	}
	r.linkPairs(f, pairs)
}

// linkPairs inserts relation rows, ignoring those that exist, in one
// statement; a missing target raises MissingError.
func (r Recordset) linkPairs(f *Field, pairs [][2]int64) {
	if len(pairs) == 0 {
		return
	}
	a := make([]int64, len(pairs))
	b := make([]int64, len(pairs))
	for i, p := range pairs {
		a[i], b[i] = p[0], p[1]
	}
	r.env.tx.exec(fmt.Sprintf("INSERT INTO %s (%s, %s) SELECT * FROM unnest($1::int4[], $2::int4[]) ON CONFLICT DO NOTHING",
		quote(f.Relation), quote(f.Column1), quote(f.Column2)), a, b)
	r.env.tx.wrote = true
	r.invalidateM2mInverse(f)
}

// invalidateM2mInverse forgets the many2many fields stored in the same
// relation table (the other side of the link).
func (r Recordset) invalidateM2mInverse(f *Field) {
	co := r.model.registry.models[f.Comodel]
	for _, g := range co.FieldList {
		if g.Type == TypeMany2many && g.Relation == f.Relation {
			r.env.tx.cache.invalidate(g, nil)
		}
	}
	r.env.tx.cache.invalidate(f, nil)
}
