import TownhallCorpus
CorpusCommand.main()
