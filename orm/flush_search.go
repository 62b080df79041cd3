package orm

// Flushing for a query.
//
// A search, a search_count, a search_fetch and a read_group send only the
// pending writes their SQL can see, as Odoo does: the fields used in the
// domain, the order, the groupby and the record rules. The rest stays in
// the cache until something else needs it (another search, a flush, a
// commit).
//
// The query records what it reads while it is built, so that nothing has
// to guess how a domain is translated: every condition names a field of
// the model it is translated on (dotted paths, any/not any, x2many
// inverses, by-name comparisons, related fields and the domains of search
// functions all end up as conditions on some model, each recorded); the
// active filter, the hierarchy operators (parent field, parent_path), the
// order (a many2one's comodel order included) and the groupby and
// aggregates record the fields whose columns they read. Then flushQuery
// computes the fields among them that are marked to compute (recompute.go)
// and sends their dirty values. A stored computed field the query does not
// read stays marked.
//
// Building may itself run searches (a search function, names in child_of):
// those flush what they read before the outer query is flushed and run.

// use records that the query reads the columns of fields (nil ones are
// skipped).
func (q *query) use(fields ...*Field) {
	root := q.root()
	for _, f := range fields {
		if f == nil {
			continue
		}
		if root.reads == nil {
			root.reads = map[*Field]bool{}
		}
		root.reads[f] = true
	}
}

// flushQuery computes and sends the pending values of the fields q reads.
func (tx *Transaction) flushQuery(q *query) {
	reads := q.root().reads
	if len(reads) == 0 {
		return
	}
	tx.flush(func(f *Field) bool { return reads[f] })
}
