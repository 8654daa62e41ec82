package corpus

func articleFromHTML(data []byte, p, loc string, lim Limits) (*Article, error) {
	return nil, &SkipError{ID: p, Location: loc, Reason: "HTML support pending"}
}
