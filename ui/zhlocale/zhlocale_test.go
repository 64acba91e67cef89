package zhlocale

import "testing"

func TestApply(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		want map[string]string
	}{
		{"C.UTF-8", map[string]string{"LANG": "C.UTF-8"}, map[string]string{"LANG": Fallback, "LANGUAGE": "zh_CN"}},
		{"LC_ALL=C", map[string]string{"LC_ALL": "C", "LANG": "en_US.UTF-8"}, map[string]string{"LC_ALL": Fallback, "LANG": "en_US.UTF-8", "LANGUAGE": "zh_CN"}},
		{"nothing set", map[string]string{}, map[string]string{"LANG": Fallback, "LANGUAGE": "zh_CN"}},
		{"usable kept", map[string]string{"LANG": "en_GB.UTF-8"}, map[string]string{"LANG": "en_GB.UTF-8", "LANGUAGE": "zh_CN"}},
		{"already Chinese", map[string]string{"LANG": "zh_CN.UTF-8", "LANGUAGE": "zh_CN:en"}, map[string]string{"LANG": "zh_CN.UTF-8", "LANGUAGE": "zh_CN:en"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := map[string]string{}
			for k, v := range tc.env {
				env[k] = v
			}
			Apply(func(k string) string { return env[k] }, func(k, v string) error { env[k] = v; return nil })
			for k, v := range tc.want {
				if env[k] != v {
					t.Errorf("%s = %q, want %q (env %v)", k, env[k], v, env)
				}
			}
		})
	}
}

func TestUsable(t *testing.T) {
	for v, want := range map[string]bool{"zh_CN.UTF-8": true, "en_US": true, "de": true, "C": false, "POSIX": false, "C.UTF-8": false, "": false, "sr_RS@latin": true} {
		if got := Usable(v); got != want {
			t.Errorf("Usable(%q) = %v", v, got)
		}
	}
}
