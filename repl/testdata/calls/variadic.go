// Variadic functions over an empty interface: exactly the written
// arguments are passed.
package main

import "fmt"

func count(kv ...any) int { return len(kv) }

func mk(name string, kv ...any) []any { return append([]any{name}, kv...) }

type E interface{}

func showE(kv ...E) string { return fmt.Sprint(len(kv), kv) }

func ids() []any { return []any{"k"} }

type T struct{}

func (T) M(kv ...any) int { return len(kv) }

func main() {
	fmt.Println(count("a", "b", []any{1, 2}))
	fmt.Println(count([]any{1, 2}))
	fmt.Println(count([]any{1, 2}...))
	xs := []any{1, 2}
	fmt.Println(count(xs), count(xs...))
	fmt.Println(mk("x", "a", []any{1, 2}))
	fmt.Println(mk("x", xs, "b"))
	fmt.Println(mk("x", xs[1:], xs[0]))
	fmt.Println(showE("a", []E{1, 2}))
	fmt.Println(count(nil), count(), count("a", nil))
	fmt.Println("a", []any{1, 2})
	fmt.Println(T{}.M("a", []any{1, 2}))
	f := count
	fmt.Println(f("a", []any{1, 2}))
	var y any
	y = xs
	fmt.Println(count(y), count(xs[0]))
	fmt.Println(count(ids()), count(ids()...))
	nested := func() int { return count("in", xs) }
	fmt.Println(nested())
	fmt.Println(fmt.Sprint("a", []any{1, 2}), fmt.Sprintln([]any{1, 2}))
}
