// iota: enumerations, skipped values, bit flags with a String method.
package main

import (
	"fmt"
	"strings"
)

type Perm uint8

const (
	Read Perm = 1 << iota
	Write
	Create
	Unlink
)

func (p Perm) String() string {
	if p == 0 {
		return "none"
	}
	var names []string
	for i, n := range []string{"read", "write", "create", "unlink"} {
		if p&(1<<i) != 0 {
			names = append(names, n)
		}
	}
	return strings.Join(names, "|")
}

type Size int

const (
	_       = iota
	KB Size = 1 << (10 * iota)
	MB
	GB
)

const (
	A, B = iota, iota * 10
	C, D
	E, F
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

func main() {
	p := Read | Create
	fmt.Println(p, Perm(0), Read|Write|Create|Unlink, uint8(p))
	p &^= Read
	fmt.Printf("%v %d %08b\n", p, p, p)
	fmt.Println(p&Create != 0, p&Read != 0)
	fmt.Println(KB, MB, GB)
	fmt.Println(A, B, C, D, E, F)
	fmt.Println(Monday, Tuesday-Sunday)
	fmt.Printf("%T %T\n", Monday, KB)
}
