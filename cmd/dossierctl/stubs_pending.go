package main

import "context"

func runScoresImport(ctx context.Context, args []string, e *env) error {
	return usagef("scores import 尚未实现")
}
