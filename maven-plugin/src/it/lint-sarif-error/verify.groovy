import groovy.json.JsonSlurper

// the build failed naming the rule and the line of the spec (the trailing slash is on line 8)
String log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log =~ /ST\.90 lint: \d+ violation\(s\) at failOn=error/
assert log =~ /publications\.yaml:8: MUST +st90\.uri\.no-trailing-slash /

// the SARIF report is there for code scanning, with the finding on that line and the rule in the driver's list
def sarif = new JsonSlurper().parse(new File(basedir, 'target/ipdex/lint.sarif'))
assert sarif.version == '2.1.0'
def run = sarif.runs[0]
def slash = run.results.find { it.ruleId == 'st90.uri.no-trailing-slash' }
assert slash != null
assert slash.level == 'error'
assert slash.locations[0].physicalLocation.region.startLine == 8
assert slash.locations[0].physicalLocation.artifactLocation.uri.endsWith('publications.yaml')
assert run.tool.driver.rules[slash.ruleIndex].id == 'st90.uri.no-trailing-slash'
return true
