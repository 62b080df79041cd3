package learn

import (
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"odsh/orm"
)

// Canon returns the canonical text of a value, the form in which a
// learner's result and the reference answer's are compared:
//
//	recordset          model(id, id, …)        (ids sorted when !ordered)
//	integer, float     the number; a float with an integral value as the integer (3.0 = 3)
//	string             quoted
//	slice, array       [item, item, …]         (items sorted when !ordered)
//	map                {key: value, …}         keys sorted
//	time.Time          RFC 3339 in UTC
//	error              error: message
//	nil                nil
//
// Records compare by model and ids only: Canon never reads the database.
func Canon(v any, ordered bool) string {
	if v == nil {
		return "nil"
	}
	switch x := v.(type) {
	case orm.Recordset:
		return canonRecords(x, ordered)
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	case error:
		return "error: " + x.Error()
	}
	return canonValue(reflect.ValueOf(v), ordered)
}

func canonRecords(r orm.Recordset, ordered bool) string {
	ids := append([]int64(nil), r.IDs()...)
	if !ordered {
		sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	}
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return r.ModelName() + "(" + strings.Join(parts, ", ") + ")"
}

func canonValue(v reflect.Value, ordered bool) string {
	switch v.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(v.Uint(), 10)
	case reflect.Float32, reflect.Float64:
		return canonFloat(v.Float())
	case reflect.String:
		return strconv.Quote(v.String())
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Slice, reflect.Array:
		return canonList(v, ordered)
	case reflect.Map:
		return canonMap(v, ordered)
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			return "nil"
		}
		if v.Kind() == reflect.Interface {
			return Canon(v.Elem().Interface(), ordered)
		}
	}
	return fmt.Sprintf("%v", v.Interface())
}

// canonFloat writes integral floats as integers, others in their
// shortest form rounded to 9 significant digits (sums in another order
// differ in the last bits).
func canonFloat(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'g', 9, 64)
}

func canonList(v reflect.Value, ordered bool) string {
	parts := make([]string, v.Len())
	for i := range parts {
		parts[i] = Canon(v.Index(i).Interface(), ordered)
	}
	if !ordered {
		sort.Strings(parts)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func canonMap(v reflect.Value, ordered bool) string {
	parts := make([]string, 0, v.Len())
	for it := v.MapRange(); it.Next(); {
		parts = append(parts, Canon(it.Key().Interface(), ordered)+": "+Canon(it.Value().Interface(), ordered))
	}
	sort.Strings(parts)
	return "{" + strings.Join(parts, ", ") + "}"
}
