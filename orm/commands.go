package orm

import (
	"fmt"
	"strings"
)

// CommandOp is the operation of an x2many command, numbered as Odoo's.
type CommandOp int

// The seven x2many commands.
const (
	CmdCreate CommandOp = 0 // create a new record from Vals and link it
	CmdUpdate CommandOp = 1 // write Vals on the linked record ID
	CmdDelete CommandOp = 2 // delete record ID
	CmdUnlink CommandOp = 3 // remove the link to ID (one2many: detach or delete by ondelete)
	CmdLink   CommandOp = 4 // add a link to ID
	CmdClear  CommandOp = 5 // remove all links
	CmdSet    CommandOp = 6 // replace the links by IDs
)

var cmdNames = [...]string{"create", "update", "delete", "unlink", "link", "clear", "set"}

// String returns the Odoo name of the operation.
func (op CommandOp) String() string {
	if op >= 0 && int(op) < len(cmdNames) {
		return cmdNames[op]
	}
	return fmt.Sprintf("CommandOp(%d)", int(op))
}

// Cmd is one x2many command, as built by Command.Create(...) and friends.
type Cmd struct {
	Op   CommandOp
	ID   int64
	Vals Values
	IDs  []int64
}

// String prints the command like Odoo's tuple: (4, 7, 0).
func (c Cmd) String() string {
	switch c.Op {
	case CmdCreate, CmdUpdate:
		return fmt.Sprintf("(%d, %d, %s)", c.Op, c.ID, c.Vals)
	case CmdSet:
		return fmt.Sprintf("(6, 0, %v)", c.IDs)
	default:
		return fmt.Sprintf("(%d, %d, 0)", c.Op, c.ID)
	}
}

// Commands builds x2many commands; use the package variable Command.
type Commands struct{}

// Command builds the x2many commands of Odoo's Command, to pass in the
// list of a one2many or many2many value: Command.Create(vals),
// Command.Update(id, vals), Command.Delete(id), Command.Unlink(id),
// Command.Link(id), Command.Clear() and Command.Set(ids...). Odoo's raw
// triples ([]any{4, id, 0}) are read too, and a list of plain ids or a
// recordset means Set.
//
// Example:
//
//	p := env.Model("res.partner").Create(orm.Values{"name": "Tagged"})
//	vip := env.Model("res.partner.category").Create(orm.Values{"name": "VIP"})
//	p.Write(orm.Values{"category_id": []any{orm.Command.Link(vip.ID())}})
//	p.Mapped("category_id.name")
//	p.Write(orm.Values{"category_id": []any{orm.Command.Set()}})
//	p.Get("category_id")
var Command Commands

// Create makes a new record from vals and links it.
func (Commands) Create(vals Values) Cmd { return Cmd{Op: CmdCreate, Vals: vals} }

// Update writes vals on the linked record id.
func (Commands) Update(id int64, vals Values) Cmd { return Cmd{Op: CmdUpdate, ID: id, Vals: vals} }

// Delete deletes the record id.
func (Commands) Delete(id int64) Cmd { return Cmd{Op: CmdDelete, ID: id} }

// Unlink removes the link to id (a one2many line is detached, or deleted
// when its inverse many2one cascades).
func (Commands) Unlink(id int64) Cmd { return Cmd{Op: CmdUnlink, ID: id} }

// Link adds a link to id.
func (Commands) Link(id int64) Cmd { return Cmd{Op: CmdLink, ID: id} }

// Clear removes every link.
func (Commands) Clear() Cmd { return Cmd{Op: CmdClear} }

// Set replaces the links by ids.
func (Commands) Set(ids ...int64) Cmd { return Cmd{Op: CmdSet, IDs: ids} }

// parseCommands turns an x2many value into commands: a Cmd, a list of Cmd
// or raw triples ([]any{6, 0, ids}), a plain list of ids (set), a Recordset
// (set), or nil (clear).
func (f *Field) parseCommands(v any) ([]Cmd, error) {
	switch x := v.(type) {
	case nil:
		return []Cmd{{Op: CmdClear}}, nil
	case bool:
		if !x {
			return []Cmd{{Op: CmdClear}}, nil
		}
	case Cmd:
		return []Cmd{x}, nil
	case []Cmd:
		return x, nil
	case Recordset:
		if x.model != nil && x.model.Name != f.Comodel {
			return nil, fmt.Errorf("expected %s records, got %s", f.Comodel, x.model.Name)
		}
		return []Cmd{{Op: CmdSet, IDs: x.IDs()}}, nil
	case []int64:
		return []Cmd{{Op: CmdSet, IDs: x}}, nil
	case []int:
		ids := make([]int64, len(x))
		for i, id := range x {
			ids[i] = int64(id)
		}
		return []Cmd{{Op: CmdSet, IDs: ids}}, nil
	case []any:
		return parseCommandList(x)
	}
	return nil, fmt.Errorf("expected a list of commands, ids or a recordset, got %T", v)
}

func parseCommandList(list []any) ([]Cmd, error) {
	if len(list) > 0 && allIDs(list) {
		if looksLikeFlatCommand(list) {
			return nil, fmt.Errorf("a list of integers that reads as the command %s without its outer list: "+
				"write []any{%s} (or orm.Command.%s) for the command, or []int64%s for records with these ids",
				tupleText(list), goList(list), commandCall(list), strings.TrimPrefix(goList(list), "[]any"))
		}
		ids := make([]int64, len(list))
		for i, x := range list {
			ids[i], _ = toInt64(x)
		}
		return []Cmd{{Op: CmdSet, IDs: ids}}, nil
	}
	cmds := make([]Cmd, 0, len(list))
	for _, item := range list {
		c, err := parseCommand(item)
		if err != nil {
			return nil, err
		}
		cmds = append(cmds, c)
	}
	return cmds, nil
}

// looksLikeFlatCommand reports whether a list of integers is more likely
// an x2many command whose outer list was forgotten than a list of ids:
//
//	[]any{2|3|4, id}        ⇔  (delete|unlink|link, id)
//	[]any{2|3|4|5, id, 0}   ⇔  the same written as Odoo's triple
//
// Odoo reads such a list as ids (Command.set) and silently replaces the
// links; odsh refuses it: a typed []int64 or a recordset is a set.
func looksLikeFlatCommand(list []any) bool {
	op, _ := toInt64(list[0])
	switch len(list) {
	case 2:
		return op >= int64(CmdDelete) && op <= int64(CmdLink)
	case 3:
		last, _ := toInt64(list[2])
		return op >= int64(CmdDelete) && op <= int64(CmdClear) && last == 0
	}
	return false
}

// tupleText writes a list of integers as Odoo's tuple: (4, 7).
func tupleText(list []any) string {
	parts := make([]string, len(list))
	for i, x := range list {
		parts[i] = fmt.Sprint(x)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// goList writes a list of integers as Go: []any{4, 7}.
func goList(list []any) string {
	t := tupleText(list)
	return "[]any{" + t[1:len(t)-1] + "}"
}

// commandCall names the Command builder of a flat command: Link(7).
func commandCall(list []any) string {
	op, _ := toInt64(list[0])
	if CommandOp(op) == CmdClear {
		return "Clear()"
	}
	name := cmdNames[op]
	return strings.ToUpper(name[:1]) + name[1:] + "(" + fmt.Sprint(list[1]) + ")"
}

func allIDs(list []any) bool {
	for _, x := range list {
		if _, ok := toInt64(x); !ok {
			return false
		}
	}
	return true
}

// parseCommand reads one command: a Cmd or an Odoo triple.
func parseCommand(item any) (Cmd, error) {
	if c, ok := item.(Cmd); ok {
		return c, nil
	}
	t, ok := item.([]any)
	if !ok || len(t) == 0 {
		return Cmd{}, fmt.Errorf("invalid x2many command %v", item)
	}
	op, ok := toInt64(t[0])
	if !ok || op < 0 || op > 6 {
		return Cmd{}, fmt.Errorf("invalid x2many command %v: unknown operation", item)
	}
	c := Cmd{Op: CommandOp(op)}
	if len(t) > 1 {
		c.ID, _ = toInt64(t[1])
	}
	if len(t) > 2 {
		switch c.Op {
		case CmdCreate, CmdUpdate:
			vals, err := toValues(t[2])
			if err != nil {
				return Cmd{}, fmt.Errorf("invalid x2many command %v: %w", item, err)
			}
			c.Vals = vals
		case CmdSet:
			ids, err := toIDList(t[2])
			if err != nil {
				return Cmd{}, fmt.Errorf("invalid x2many command %v: %w", item, err)
			}
			c.IDs = ids
		}
	}
	if (c.Op == CmdSet && len(t) < 3) || (c.Op != CmdClear && c.Op != CmdSet && c.Op != CmdCreate && len(t) < 2) {
		return Cmd{}, fmt.Errorf("invalid x2many command %v: missing arguments", item)
	}
	return c, nil
}

func toValues(v any) (Values, error) {
	switch x := v.(type) {
	case Values:
		return x, nil
	case map[string]any:
		return Values(x), nil
	case nil:
		return Values{}, nil
	}
	return nil, fmt.Errorf("expected values, got %T", v)
}

// toIDList reads a list of ids from the Go shapes people write.
func toIDList(v any) ([]int64, error) {
	switch x := v.(type) {
	case []int64:
		return x, nil
	case []int:
		out := make([]int64, len(x))
		for i, id := range x {
			out[i] = int64(id)
		}
		return out, nil
	case []any:
		out := make([]int64, len(x))
		for i, e := range x {
			id, ok := toInt64(e)
			if !ok {
				return nil, fmt.Errorf("expected an id, got %v (%T)", e, e)
			}
			out[i] = id
		}
		return out, nil
	case Recordset:
		return x.IDs(), nil
	case nil:
		return nil, nil
	}
	return nil, fmt.Errorf("expected a list of ids, got %T", v)
}

// toInt64 reads an integer of any Go integer kind.
func toInt64(v any) (int64, bool) {
	switch x := v.(type) {
	case int:
		return int64(x), true
	case int64:
		return x, true
	case int32:
		return int64(x), true
	case int16:
		return int64(x), true
	case int8:
		return int64(x), true
	case uint:
		return int64(x), true
	case uint64:
		return int64(x), true
	case uint32:
		return int64(x), true
	case uint16:
		return int64(x), true
	case uint8:
		return int64(x), true
	}
	return 0, false
}
