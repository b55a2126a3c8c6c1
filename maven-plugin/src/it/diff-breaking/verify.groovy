// the build failed because of the breaking change, and says which one
String log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('ipdex diff: 1 change(s) at failOn=breaking')
assert log =~ /BREAKING +query parameter 'office' of GET \/publications became required  \[parameter\.required /
// the report is written before the build fails, for the CI job to keep
String report = new File(basedir, 'target/ipdex/diff.txt').text
assert report.contains('verdict BREAKING: 1 breaking')
return true
