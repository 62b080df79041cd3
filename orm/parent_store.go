package orm

import (
	"fmt"
	"strconv"
	"strings"
)

// The parent store (_parent_store).
//
// A model with ParentStore keeps, in its parent_path Char column, the ids
// from the root of its hierarchy down to the record itself:
//
//	parent_path(x) = parent_path(parent(x)) || x.id || '/'   ("1/4/9/")
//
// so that the descendants of x are the records whose path starts with
// x's (child_of: parent_path LIKE 'path%'), and its ancestors are the ids
// in its path (parent_of). The path is set by SQL right after the INSERT
// of new records, and rewritten for a whole subtree when a record's parent
// changes; the new values go to the cache too. Moving a record under
// itself or one of its descendants is refused with a UserError before
// anything is written.

// hasParentStore reports whether m keeps parent_path.
func (m *Model) hasParentStore() bool {
	return m.ParentStore && m.ParentName != "" && m.Fields[m.ParentName] != nil &&
		m.Fields["parent_path"] != nil && m.Fields["parent_path"].column != ""
}

// parentStoreCreate sets the parent_path of new records:
//
//	UPDATE t SET parent_path = concat(parent.parent_path, id, '/')
func (recs Recordset) parentStoreCreate() {
	m := recs.model
	if !m.hasParentStore() || len(recs.idList()) == 0 {
		return
	}
	parent := Ident(m.Fields[m.ParentName].column)
	t := Ident(m.Table)
	s := SQLf(`UPDATE %s AS node SET parent_path = concat((SELECT p.parent_path FROM %s AS p WHERE p.id = node.%s), node.id, '/') `+
		`WHERE node.id = ANY(%s) RETURNING node.id, node.parent_path`, t, t, parent, recs.idList())
	recs.cachePaths(s)
}

// cachePaths runs an UPDATE ... RETURNING id, parent_path and caches the
// new paths.
func (r Recordset) cachePaths(s SQL) {
	f := r.model.Fields["parent_path"]
	c := r.env.tx.cache
	r.env.tx.querySQL(s, func(rows pgxRows) error {
		var id int64
		var path string
		if err := rows.Scan(&id, &path); err != nil {
			return err
		}
		c.set(f, id, path)
		return nil
	})
	r.env.tx.wrote = true
}

// parentStoreWrite moves r under the parent given in vals (when vals sets
// the parent field), rewriting the paths of r and their descendants:
//
//	path(d) = path(new parent) || path(d) without path(r)'s prefix up to r
func (r Recordset) parentStoreWrite(vals Values) {
	m := r.model
	if !m.hasParentStore() || len(r.idList()) == 0 {
		return
	}
	v, ok := vals[m.ParentName]
	if !ok {
		return
	}
	parentID, _ := m.Fields[m.ParentName].convertValue(v).(int64)
	prefix := ""
	if parentID != 0 {
		prefix = r.parentPath(parentID)
		r.checkNoCycle(prefix, parentID)
	}
	ids := dedup(r.idList())
	t := Ident(m.Table)
	s := SQLf(`UPDATE %s AS child SET parent_path = concat(%s::text, substr(child.parent_path, length(node.parent_path) - length(node.id::text || '/') + 1)) `+
		`FROM %s AS node WHERE node.id = ANY(%s) AND child.parent_path LIKE concat(node.parent_path, '%%') `+
		`RETURNING child.id, child.parent_path`, t, prefix, t, ids)
	r.cachePaths(s)
}

// parentPath reads the parent_path of record id.
func (r Recordset) parentPath(id int64) string {
	v := r.Browse(id).Get("parent_path")
	s, _ := v.(string)
	return s
}

// checkNoCycle refuses to move a record under itself or a descendant: the
// new parent's path would contain one of the moved ids.
func (r Recordset) checkNoCycle(prefix string, parentID int64) {
	moved := idSet(r.idList())
	if moved[parentID] {
		panic(r.recursionErr())
	}
	for _, label := range strings.Split(strings.TrimSuffix(prefix, "/"), "/") {
		if id, err := strconv.ParseInt(label, 10, 64); err == nil && moved[id] {
			panic(r.recursionErr())
		}
	}
}

func (r Recordset) recursionErr() *UserError {
	return &UserError{ErrorInfo{Model: r.model.Name, Field: r.model.ParentName, IDs: r.idList(),
		Msg: fmt.Sprintf("recursion detected: cannot move %s under itself or one of its descendants", r)}}
}

// ParentStoreCompute rebuilds every parent_path of the model from the
// parent field (Odoo's _parent_store_compute), e.g. after raw SQL writes.
func (r Recordset) ParentStoreCompute() {
	r.check()
	m := r.model
	if !m.hasParentStore() {
		return
	}
	r.env.tx.flushAll()
	parent := Ident(m.Fields[m.ParentName].column)
	t := Ident(m.Table)
	s := SQLf(`WITH RECURSIVE tree(id, path) AS (SELECT id, concat(id, '/') FROM %s WHERE %s IS NULL `+
		`UNION ALL SELECT c.id, concat(tree.path, c.id, '/') FROM %s AS c JOIN tree ON c.%s = tree.id) `+
		`UPDATE %s AS x SET parent_path = tree.path FROM tree WHERE x.id = tree.id RETURNING x.id, x.parent_path`,
		t, parent, t, parent, t)
	r.cachePaths(s)
}
