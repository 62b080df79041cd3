package pglocal_test

import (
	"context"
	"fmt"
	"log"

	"github.com/jackc/pgx/v5"

	"odsh/internal/pglocal"
)

func Example() {
	ctx := context.Background()
	c, err := pglocal.Ephemeral(ctx, pglocal.Options{NoSync: true})
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	if err := c.CreateDatabase(ctx, "demo", ""); err != nil {
		log.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, c.DSN("demo"))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, "SELECT 6 * 7").Scan(&n); err != nil {
		log.Fatal(err)
	}
	fmt.Println(n)
	// Output: 42
}
