package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
)

// version is set at link time (-ldflags "-X main.version=v0.1.0"); the
// module version from the build info is used otherwise.
var version = ""

func runVersion(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "version", "[--licenses]", "Prints rasd's version and build; --licenses adds the data sources and their licences.")
	licenses := fs.Bool("licenses", false, "print the sources and licences of the embedded data")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	v := version
	if v == "" {
		v = "(devel)"
		if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
			v = bi.Main.Version
		}
	}
	fmt.Fprintf(e.stdout, "rasd %s %s %s/%s\n", v, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	if *licenses {
		fmt.Fprint(e.stdout, "\n", licenseText())
	}
	return nil
}
