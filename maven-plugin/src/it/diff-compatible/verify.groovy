// the build passed, and the change log lists what was added
String log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
String report = new File(basedir, 'target/ipdex/diff.txt').text
assert report =~ /NON BREAKING +Optional query parameter 'kind' was added to GET \/publications /
assert report =~ /NON BREAKING +GET \/offices was added /
assert report.contains('verdict NON_BREAKING: 0 breaking, 0 possibly breaking, 3 other change(s)')
return true
