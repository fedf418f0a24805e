// The part of `natural` pressmon uses. natural's own index.d.ts pulls in a .ts
// source file (analyzers/SenType.ts) that does not compile under our strict,
// erasable-syntax settings, so tsconfig maps the module here instead.
declare module 'natural' {
  interface Stemmer {
    stem(token: string): string;
  }
  const natural: {
    readonly PorterStemmer: Stemmer;
    readonly PorterStemmerRu: Stemmer;
    readonly PorterStemmerUk: Stemmer;
  };
  export default natural;
}
