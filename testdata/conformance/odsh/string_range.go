// Ranging over strings, with invalid UTF-8 bytes, continue, break,
// labels, closures over the iteration variables, and assignment forms.
package main

import (
	"fmt"
	"strings"
)

type Name string

func main() {
	s := "a\xca\xfeb\u0123c\U0010FFFFé"
	for i, r := range s {
		fmt.Print(i, ":", r, " ")
	}
	fmt.Println()
	n := 0
	for i := range s {
		if i%2 == 0 {
			continue
		}
		n++
	}
	fmt.Println(n)
	var fs []func() string
	for i, r := range "xyz" {
		fs = append(fs, func() string { return fmt.Sprint(i, string(r)) })
	}
	fmt.Println(fs[0](), fs[2]())
	count := 0
outer:
	for _, w := range strings.Fields("ab cd ef") {
		for j, r := range w {
			if r == 'd' {
				continue outer
			}
			if r == 'f' {
				break outer
			}
			count += j + 1
		}
	}
	fmt.Println(count)
	var i int
	var r rune
	for i, r = range Name("héllo") {
	}
	fmt.Println(i, string(r))
	for range "abc" {
		count++
	}
	fmt.Println(count, len([]rune(s)))
}
