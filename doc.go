// Package odsh is the root of the odsh module: the Odoo ORM rebuilt in Go on
// PostgreSQL (package orm), its search domains (package domain), and an
// interactive shell (package shell, cmd/odsh) that runs Go snippets against
// a live env; examples/library is an application with a shell of its own.
package odsh
