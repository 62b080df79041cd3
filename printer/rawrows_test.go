package printer

import (
	"bytes"
	"math/big"
	"testing"

	"github.com/jackc/pgx/v5/pgtype"
)

// TestRawQueryRows: the rows of a raw query ([][]any, as Cursor.Query
// returns them) print as lists, with numeric columns as their decimal
// text, not the driver's struct.
func TestRawQueryRows(t *testing.T) {
	rows := [][]any{
		{pgtype.Numeric{Int: big.NewInt(378), Exp: 0, Valid: true}, pgtype.Numeric{Int: big.NewInt(15), Exp: -1, Valid: true}, "a", int64(2)},
		{pgtype.Numeric{Int: big.NewInt(-225), Exp: -2, Valid: true}, nil, "b", int64(3)},
	}
	var out bytes.Buffer
	if err := Show(&out, rows, Options{Width: 80}); err != nil {
		t.Fatal(err)
	}
	want := "[[378, 1.5, \"a\", 2], [-2.25, <nil>, \"b\", 3]]\n"
	if out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
}
