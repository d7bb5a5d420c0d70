// Types for the natural submodules we import directly (its main entry loads dotenv and much else we do not need).
declare module 'natural/lib/natural/stemmers/porter_stemmer_sv.js' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/tokenizers/aggressive_tokenizer_sv.js' {
  export default class AggressiveTokenizerSv {
    tokenize(text: string): string[];
  }
}
declare module 'natural/lib/natural/util/stopwords_sv.js' {
  export const words: string[];
}
