// Strings, runes and bytes: UTF-8 iteration, conversion, strings and
// unicode helpers.
package main

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

func main() {
	s := "Gent–Zürich ✓"
	fmt.Println(len(s), utf8.RuneCountInString(s), []rune(s)[5], string([]rune(s)[5:11]))
	for i, r := range "aé✓" {
		fmt.Print(i, ":", string(r), "(", r, ") ")
	}
	fmt.Println()
	fmt.Println(s[0], s[:4], []byte("é"), string([]byte{0x47, 0x6f}))
	fmt.Println(strings.ToUpper(s), strings.Title("x"), strings.EqualFold("ZÜRICH", "zürich"))
	fields := strings.FieldsFunc("a1b22c333", unicode.IsDigit)
	fmt.Println(fields, len(fields))
	fmt.Println(strings.Split("a,b,,c", ","), len(strings.Split("", ",")), strings.SplitN("a=b=c", "=", 2))
	k, v, ok := strings.Cut("k=v", "=")
	fmt.Println(strings.TrimLeft("xxhixx", "x"), strings.TrimSuffix("file.go", ".go"), k, v, ok)
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;")
	fmt.Println(r.Replace("<b>"), strings.Count("cheese", "e"), strings.LastIndex("go gopher", "go"))
	var buf bytes.Buffer
	buf.WriteString("abc")
	buf.WriteByte('-')
	buf.WriteRune('é')
	fmt.Println(buf.String(), buf.Len(), bytes.ToUpper(buf.Bytes()), string(bytes.ToUpper(buf.Bytes())))
	b := []byte("hello")
	b[0] = 'H'
	fmt.Println(string(b), string(rune(65)), fmt.Sprint('A'), unicode.IsUpper('É'))
	fmt.Printf("%q %+q %x % x\n", "é\n", "é", "hi", "hi")
}
