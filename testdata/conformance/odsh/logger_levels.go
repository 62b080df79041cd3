package main

// A small logger: iota levels with String, sort.Interface on a slice type,
// pointer-receiver append, function types as visitors, maps keyed by a
// declared type.

import (
	"fmt"
	"sort"
	"strings"
)

type Level int

const (
	Debug Level = iota
	Info
	Warn
	Error
)

var levelNames = map[Level]string{Debug: "debug", Info: "info", Warn: "warn", Error: "error"}

func (l Level) String() string { return levelNames[l] }

type Entry struct {
	Level Level
	Msg   string
	Tags  map[string]string
}

type Log []Entry

func (l Log) Len() int           { return len(l) }
func (l Log) Less(i, j int) bool { return l[i].Level > l[j].Level }
func (l Log) Swap(i, j int)      { l[i], l[j] = l[j], l[i] }

func (l *Log) Add(lv Level, msg string, kv ...string) {
	e := Entry{Level: lv, Msg: msg, Tags: map[string]string{}}
	for i := 0; i+1 < len(kv); i += 2 {
		e.Tags[kv[i]] = kv[i+1]
	}
	*l = append(*l, e)
}

func (l Log) Filter(min Level) Log {
	var out Log
	for _, e := range l {
		if e.Level >= min {
			out = append(out, e)
		}
	}
	return out
}

type Visitor func(e Entry) bool

func (l Log) Walk(v Visitor) int {
	n := 0
	for _, e := range l {
		if !v(e) {
			break
		}
		n++
	}
	return n
}

func main() {
	var log Log
	log.Add(Info, "start", "user", "admin")
	log.Add(Debug, "detail")
	log.Add(Error, "boom", "code", "500", "path", "/x")
	log.Add(Warn, "slow")
	sort.Stable(log)
	for _, e := range log {
		keys := make([]string, 0, len(e.Tags))
		for k := range e.Tags {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		fmt.Printf("%-5v %s %v\n", e.Level, e.Msg, keys)
	}
	fmt.Println(log.Filter(Warn).Len(), Level(2), fmt.Sprintf("%d|%v|%s", Warn, Warn, Warn))
	n := log.Walk(func(e Entry) bool { return e.Level >= Info })
	fmt.Println("walked", n)
	counts := map[Level]int{}
	for _, e := range log {
		counts[e.Level]++
	}
	fmt.Println(counts)
	var sb strings.Builder
	for l := Debug; l <= Error; l++ {
		sb.WriteString(l.String()[:1])
	}
	fmt.Println(sb.String(), len(levelNames))
	lv := Error
	switch lv {
	case Debug, Info:
		fmt.Println("low")
	case Warn, Error:
		fmt.Println("high", lv)
	}
	fmt.Printf("%v %+v\n", log[0], log[len(log)-1])
}
