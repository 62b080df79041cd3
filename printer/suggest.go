package printer

import (
	"fmt"

	"odsh/orm"
)

// suggestField proposes a field of m close to a misspelt name, in the
// words the ORM uses for Write: ` (did you mean "name"?)`, or "".
func suggestField(m *orm.Model, name string) string {
	best := m.ClosestField(name)
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}
