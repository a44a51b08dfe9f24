package sqltext

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type color uint8

func (c color) MarshalText() ([]byte, error) {
	if c > 1 {
		return nil, errors.New("bad color")
	}
	return []byte([]string{"red", "blue"}[c]), nil
}

func (c *color) UnmarshalText(b []byte) error {
	switch string(b) {
	case "red":
		*c = 0
	case "blue":
		*c = 1
	default:
		return errors.New("unknown color " + string(b))
	}
	return nil
}

func TestRoundTrip(t *testing.T) {
	v, err := Value(color(1))
	require.NoError(t, err)
	assert.Equal(t, "blue", v)
	var c color
	require.NoError(t, Scan(&c, "blue", "color"))
	assert.Equal(t, color(1), c)
	require.NoError(t, Scan(&c, []byte("red"), "color"))
	assert.Equal(t, color(0), c)
	assert.Error(t, Scan(&c, "green", "color"))
	assert.ErrorContains(t, Scan(&c, nil, "color"), "NULL")
	assert.ErrorContains(t, Scan(&c, int64(1), "color"), "int64")
	_, err = Value(color(7))
	assert.Error(t, err)
}
