package orm

// Conflicts between concurrent transactions.
//
// PostgreSQL says that a statement conflicted (SQLSTATE 40001, 40P01,
// 55P03) but not on which rows: a serialization failure carries no table.
// The ORM built the statement, so it knows: the table follows UPDATE,
// DELETE FROM, INSERT INTO or FROM, and the records are the statement's
// id list (its first []int64 argument). statementError adds both to the
// ConcurrencyError, so that a person is told which records conflicted.

import (
	"errors"
	"regexp"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// concurrencyErr makes a ConcurrencyError of PostgreSQL's error.
func concurrencyErr(info ErrorInfo, pe *pgconn.PgError) *ConcurrencyError {
	why := "another transaction changed the same rows since this one began"
	switch pe.Code {
	case "40P01":
		why = "deadlock: this transaction and another one each wait for rows the other has locked"
	case "55P03":
		why = "the rows are locked by another transaction"
	}
	info.Msg = why + " (" + pe.Message + ")"
	return &ConcurrencyError{info}
}

// statementError maps a failed statement's error; a conflict is given the
// model and records of the statement when PostgreSQL did not name them.
func (tx *Transaction) statementError(err error, sql string, args []any) error {
	mapped := tx.mapPgError(err, sql)
	var ce *ConcurrencyError
	if !errors.As(mapped, &ce) || ce.Model != "" {
		return mapped
	}
	if m := tx.reg.modelByTable(statementTable(sql)); m != nil {
		ce.Model = m.Name
	}
	for _, a := range args {
		if ids, ok := a.([]int64); ok {
			ce.IDs = append([]int64(nil), ids...)
			break
		}
	}
	return mapped
}

var statementTableRE = regexp.MustCompile(`(?is)^\s*(?:UPDATE|DELETE\s+FROM|INSERT\s+INTO|SELECT\s.*?\sFROM)\s+"?([A-Za-z0-9_]+)"?`)

// statementTable returns the table a statement the ORM built works on, or "".
func statementTable(sql string) string {
	m := statementTableRE.FindStringSubmatch(strings.TrimSpace(sql))
	if m == nil {
		return ""
	}
	return m[1]
}
