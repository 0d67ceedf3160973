// Keeps only the extensions picked with -Dextensions=... (default: all five): the archetype engine
// generates every file, this script deletes the others and their tests.
def picked = (request.properties.get('extensions') ?: 'reader,estimator,strategy,evaluator,loader')
    .split(',').collect { it.trim() }.findAll { it }
def files = [
    reader   : 'CsvVectorReader',
    estimator: 'CentroidMarginEstimator',
    strategy : 'NearestCentroidStrategy',
    evaluator: 'TopKAccuracyEvaluator',
    loader   : 'CsvSourceLoader',
]
def unknown = picked - files.keySet()
if (unknown) {
    throw new IllegalArgumentException("unknown extensions ${unknown}; pick from ${files.keySet()}")
}
def root = new File(request.outputDirectory, request.artifactId)
def pkg = request.packageName.replace('.', '/')
def drop = { String cls ->
    new File(root, "src/main/java/${pkg}/${cls}.java").delete()
    new File(root, "src/test/java/${pkg}/${cls}Test.java").delete()
}
files.each { key, cls -> if (!picked.contains(key)) drop(cls) }
if (!picked.contains('reader') && !picked.contains('loader')) {
    drop('CsvTable')
}
